import { namespaceOf, prefixedName } from '@vmtopo/model';
import type { Component, Topology } from '@vmtopo/model';

/**
 * Reading the operator's URL conventions (vm-domain.md §b) back: the link a URL in an imported
 * manifest stands for. The URLs a link renders to are the operator model's (`linkUrls`).
 */

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
    idx.set(`${prefixedName(t, c)}/${namespaceOf(t, c)}`, c);
  }
  return idx;
}
