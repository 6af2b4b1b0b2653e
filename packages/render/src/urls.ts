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

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The scheme a component serves on. A VMAlertmanager whose `webConfig.tls_server_config` is set
 * serves HTTPS, and the operator then builds its Service and per-pod URLs with `https://`
 * (`accessScheme`, `op:api/operator/v1beta1/vmalertmanager_types.go`); everything else is HTTP.
 */
export function schemeOf(target: Component): 'http' | 'https' {
  if (target.kind === 'VMAlertmanager' && isObj(target.spec.webConfig) && isObj(target.spec.webConfig.tls_server_config)) return 'https';
  return 'http';
}

function base(t: Topology, target: Component, link: Link, pod?: number): string {
  return `${schemeOf(target)}://${host(t, target, link, pod)}:${link.port ?? KINDS[target.kind].port}`;
}

/** The URL a link renders to; a notifier in "pods" mode gives one per pod, "selector" none. */
export function linkUrls(t: Topology, link: Link, target: Component): string[] {
  const tenant = link.tenant ?? '0';
  const agentWrite = link.type === 'remoteWrite' && getComponent(t, link.source)?.kind === 'VMAgent';
  switch (target.kind) {
    case 'VMSingle':
    case 'VMAuth':
      return [base(t, target, link) + (agentWrite ? '/api/v1/write' : '')];
    case 'VMAgent':
      // VMAlert remoteWrite through a VMAgent: a base URL, vmalert appends /api/v1/write itself.
      return [base(t, target, link)];
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
  scheme: 'http' | 'https';
  service: string;
  namespace: string;
  pod?: number;
  port?: number;
  path: string;
  clusterDomain: boolean;
}

const URL_RE = /^(https?):\/\/([a-z0-9.-]+)(?::(\d+))?(\/.*)?$/;

/**
 * Parses `http[s]://<svc>.<ns>.svc[.cluster.local][:port][/path]`, the pod form
 * `<svc>-<i>.<svc>.<ns>.svc...`, and the short `<svc>.<ns>` / `<svc>` forms (namespace of the caller).
 */
export function parseServiceUrl(url: string, callerNamespace: string): ParsedUrl | undefined {
  const m = URL_RE.exec(url.trim());
  if (!m) return undefined;
  let labels = m[2]!.split('.');
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
    scheme: m[1] as 'http' | 'https',
    service: labels[0]!,
    namespace: labels[1] ?? callerNamespace,
    path: (m[4] ?? '').replace(/\/+$/, ''),
    clusterDomain,
  };
  if (pod !== undefined) parsed.pod = pod;
  if (m[3] !== undefined) parsed.port = Number(m[3]);
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
