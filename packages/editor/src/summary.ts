import { outageMinutesOf, zonesFor, type Topology } from '@vmtopo/model';
import type { Finding, Severity } from './core.ts';
import { podCount } from './counts.ts';

/** The mark of each severity in lists and on badges. */
export const SEVERITY_ICON: Record<Severity, string> = { error: '✖', warning: '▲', info: 'i' };

export function severityCounts(findings: Finding[]): Record<Severity, number> {
  const out: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) out[f.severity]++;
  return out;
}

const SEVERITY_NOUN: Record<Severity, [string, string]> = { error: ['error', 'errors'], warning: ['warning', 'warnings'], info: ['info', 'info'] };

/** "1 error · 4 warnings": the severities that occur, worst first; "no findings" when none does. */
export function severityPhrase(counts: Record<Severity, number>): string {
  const parts = (['error', 'warning', 'info'] as const).filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${SEVERITY_NOUN[s][counts[s] === 1 ? 0 : 1]}`);
  return parts.length ? parts.join(' · ') : 'no findings';
}

/** What the inspector says about the design when nothing is selected. */
export interface DesignSummary {
  components: number;
  pods: number;
  links: number;
  /** The namespaces components are in (the design's when there are none). */
  namespaces: string[];
  findings: Record<Severity, number>;
  /** Components per kind, in the order the kinds first appear. */
  kinds: [string, number][];
  /** Zones of the cluster the design runs in (its own, else the default). */
  zones: number;
  /** Minutes of storage outage the queues must ride out (its own, else the default). */
  outageMinutes: number;
}

export function designSummary(t: Topology, findings: Finding[]): DesignSummary {
  const namespaces = new Set(t.components.map((c) => c.namespace ?? t.namespace));
  const kinds = new Map<string, number>();
  for (const c of t.components) kinds.set(c.kind, (kinds.get(c.kind) ?? 0) + 1);
  return {
    components: t.components.length,
    pods: t.components.reduce((n, c) => n + podCount(c), 0),
    links: t.links.length,
    namespaces: namespaces.size > 0 ? [...namespaces] : [t.namespace],
    findings: severityCounts(findings),
    kinds: [...kinds],
    zones: zonesFor(t),
    outageMinutes: outageMinutesOf(t),
  };
}
