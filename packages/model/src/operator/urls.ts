/**
 * The URLs components reach each other on (vm-domain.md §b): the Service names of names.ts, the
 * operator's default ports and the VictoriaMetrics paths. The renderer writes these into the CRs
 * and the operator model passes them as flags, so both say the same.
 */
import { KINDS } from '../kinds/index.ts';
import { describe, getComponent, namespaceOf, replicasOf } from '../access.ts';
import { linksFrom } from '../links.ts';
import type { Component, JsonObject, Link, Topology } from '../topology.ts';
import { prefixedName } from './names.ts';

function host(t: Topology, target: Component, link: Pick<Link, 'clusterDomain'>, pod?: number): string {
  const svc = prefixedName(t, target);
  const domain = `${namespaceOf(t, target)}.svc${link.clusterDomain ? '.cluster.local' : ''}`;
  return pod === undefined ? `${svc}.${domain}` : `${svc}-${pod}.${svc}.${domain}`;
}

/** The port a component's Service listens on: its `port` field, else the operator's default. */
export function servicePort(c: Component): number | undefined {
  // A serviceSpec used as the default Service: clients take its port named http (`AsURL`).
  const svc = isObj(c.spec.serviceSpec) && c.spec.serviceSpec.useAsDefault === true && isObj(c.spec.serviceSpec.spec) ? c.spec.serviceSpec.spec : undefined;
  const ports = Array.isArray(svc?.ports) ? svc.ports : [];
  const http = ports.find((p) => isObj(p) && p.name === 'http') as JsonObject | undefined;
  if (http && Number.isInteger(http.port)) return http.port as number;
  const p = Number(c.spec.port);
  return Number.isInteger(p) && p > 0 ? p : KINDS[c.kind].port;
}

function isObj(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

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
  return `${schemeOf(target)}://${host(t, target, link, pod)}:${link.port ?? servicePort(target)}`;
}

/** The URL a link renders to; a notifier in "pods" or "selector" mode gives one per alertmanager pod reached. */
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
      const pods = link.pods ?? Array.from({ length: replicasOf(target) }, (_, i) => i);
      return pods.map((i) => base(t, target, link, i));
    }
    default:
      throw new Error(`${describe(t, target)} cannot be the target of a ${link.type} link`);
  }
}

/** The URL an external entry (one that points outside the design) carries, or a word for its selector. */
function externalUrl(entry: JsonObject): string {
  return typeof entry.url === 'string' ? entry.url : '<selector outside the design>';
}

/**
 * The URLs of a component's links of one type, in the order the operator passes them as the flag.
 * Notifiers: static URLs first (the `notifiers` list, then `notifier`), then every pod that a
 * selector discovers, sorted descending as the operator sorts them (`discoverNotifierIfNeeded`).
 */
export function urlsOf(t: Topology, c: Component, type: Link['type']): string[] {
  const listed: string[] = [];
  const single: string[] = [];
  const discovered: string[] = [];
  for (const l of linksFrom(t, c.id, type)) {
    const selector = type === 'notifier' && (l.external ? l.external.url === undefined : (l.notify ?? 'selector') === 'selector');
    const into = selector ? discovered : l.single ? single : listed;
    if (l.external) into.push(externalUrl(l.external));
    else {
      const target = getComponent(t, l.target);
      if (target) into.push(...linkUrls(t, l, target));
    }
  }
  return [...listed, ...single, ...discovered.sort((a, b) => (a < b ? 1 : a > b ? -1 : 0))];
}

export const remoteWriteUrls = (t: Topology, c: Component): string[] => urlsOf(t, c, 'remoteWrite');
