import { KINDS, describe, getComponent, namespaceOf, serviceName } from '@vmtopo/model';
import type { Component, Link, Topology } from '@vmtopo/model';

/**
 * The operator's URL conventions (vm-domain.md §b), both ways: the URL a link renders to, and the
 * link a URL in an imported manifest stands for.
 */

const ALIAS_PORT = 8428; // VMSingle's Service also exposes http-alias 8428

function host(t: Topology, target: Component, link: Pick<Link, 'clusterDomain'>, pod?: number): string {
  const svc = serviceName(t, target);
  const domain = `${namespaceOf(t, target)}.svc${link.clusterDomain ? '.cluster.local' : ''}`;
  return pod === undefined ? `${svc}.${domain}` : `${svc}-${pod}.${svc}.${domain}`;
}

function base(t: Topology, target: Component, link: Link, pod?: number): string {
  return `http://${host(t, target, link, pod)}:${link.port ?? KINDS[target.kind].port}`;
}

/** The URL a link renders to; a notifier in "pods" mode gives one per pod, "selector" none. */
export function linkUrls(t: Topology, link: Link, target: Component): string[] {
  const tenant = link.tenant ?? '0';
  const agentWrite = link.type === 'remoteWrite' && getComponent(t, link.source)?.kind === 'VMAgent';
  switch (target.kind) {
    case 'VMSingle':
    case 'VMAuth':
      return [base(t, target, link) + (agentWrite ? '/api/v1/write' : '')];
    case 'vminsert':
      return [`${base(t, target, link)}/insert/${tenant}/prometheus${agentWrite ? '/api/v1/write' : ''}`];
    case 'vmselect':
      return [`${base(t, target, link)}/select/${tenant}/prometheus`];
    case 'VMAlertmanager': {
      if (link.notify === 'service') return [base(t, target, link)];
      const replicas = typeof target.spec.replicaCount === 'number' ? target.spec.replicaCount : 1;
      const pods = link.pods ?? Array.from({ length: replicas }, (_, i) => i);
      return pods.map((i) => base(t, target, link, i));
    }
    default:
      throw new Error(`${describe(t, target)} cannot be the target of a ${link.type} link`);
  }
}

/** What a parsed in-cluster URL names. */
export interface ParsedUrl {
  service: string;
  namespace: string;
  pod?: number;
  port?: number;
  path: string;
  clusterDomain: boolean;
}

const URL_RE = /^http:\/\/([a-z0-9.-]+)(?::(\d+))?(\/.*)?$/;

/**
 * Parses `http://<svc>.<ns>.svc[.cluster.local][:port][/path]`, the pod form
 * `<svc>-<i>.<svc>.<ns>.svc...`, and the short `<svc>.<ns>` / `<svc>` forms (namespace of the caller).
 */
export function parseServiceUrl(url: string, callerNamespace: string): ParsedUrl | undefined {
  const m = URL_RE.exec(url.trim());
  if (!m) return undefined;
  let labels = m[1]!.split('.');
  let clusterDomain = false;
  if (labels.slice(-3).join('.') === 'svc.cluster.local') {
    clusterDomain = true;
    labels = labels.slice(0, -2);
  }
  if (labels.at(-1) === 'svc') labels = labels.slice(0, -1);
  let pod: number | undefined;
  // `<svc>-<i>.<svc>[.<ns>]`: a pod behind a headless Service.
  if (labels.length >= 2) {
    const pm = /^(.*)-(\d+)$/.exec(labels[0]!);
    if (pm && pm[1] === labels[1]) {
      pod = Number(pm[2]);
      labels = labels.slice(1);
    }
  }
  if (labels.length > 2) return undefined;
  const parsed: ParsedUrl = {
    service: labels[0]!,
    namespace: labels[1] ?? callerNamespace,
    path: (m[3] ?? '').replace(/\/+$/, ''),
    clusterDomain,
  };
  if (pod !== undefined) parsed.pod = pod;
  if (m[2] !== undefined) parsed.port = Number(m[2]);
  return parsed;
}

/** Services of the design by `<svc>/<ns>`, for resolving imported URLs in one pass. */
export function serviceIndex(t: Topology): Map<string, Component> {
  const idx = new Map<string, Component>();
  for (const c of t.components) {
    if (c.kind === 'VMCluster') continue;
    idx.set(`${serviceName(t, c)}/${namespaceOf(t, c)}`, c);
  }
  return idx;
}
