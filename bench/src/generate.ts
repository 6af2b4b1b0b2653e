import { KINDS, PART_OFFSETS, emptyTopology, withField, withSpreading } from '@vmtopo/model';
import type { Component, ComponentKind, Link, LinkType, Topology } from '@vmtopo/model';

/**
 * Realistic, fully linked designs of any size for the benchmarks.
 *
 * A design is a row-major grid of "stacks" of 13 components, each what a team would draw for one
 * environment of the operator's HA guide:
 *
 *   VMCluster (+ vminsert, vmselect, vmstorage)   4   replicationFactor 2, dedup on select/storage
 *   VMSingle                                      1   dedup, retention, volume
 *   VMAlertmanager                                1   3 replicas, labels (selected by label)
 *   VMAlert "cluster"                             1   datasource + remoteRead → vmselect, remoteWrite → vminsert, notifier (selector) → alertmanager
 *   VMAlert "single"                              1   datasource / remoteWrite / remoteRead → VMSingle, notifier (pods) → alertmanager
 *   VMAgent ×3                                    3   an HA pair → vminsert; a third → VMSingle and vminsert
 *   VMAuth ×2                                     2   write and read proxies
 *
 * Components are built directly in the shape `addComponent` gives them (its uniqueness scans would
 * make a 10,000-component design quadratic to build); link ids are the ones `addLink` derives. The
 * test checks the result opens with `fromDocument`, which validates every link.
 * The last stack is cut short to hit N exactly; a cluster that no longer fits is left out and links
 * whose target is missing are dropped (a link never dangles).
 */

export const STACK_SIZE = 13;

/** Grid cell of one stack, in flow px; a cluster box is about 760 px wide. */
const STACK_W = 1400;
const STACK_H = 900;

interface Slot {
  kind: ComponentKind;
  /** Components this slot brings (4 for a VMCluster with its parts). */
  size: number;
  role: string;
}

const STACK: Slot[] = [
  { kind: 'VMCluster', size: 4, role: 'cluster' },
  { kind: 'VMSingle', size: 1, role: 'single' },
  { kind: 'VMAlertmanager', size: 1, role: 'am' },
  { kind: 'VMAlert', size: 1, role: 'alert-cluster' },
  { kind: 'VMAlert', size: 1, role: 'alert-single' },
  { kind: 'VMAgent', size: 1, role: 'agent-a' },
  { kind: 'VMAgent', size: 1, role: 'agent-b' },
  { kind: 'VMAgent', size: 1, role: 'agent-c' },
  { kind: 'VMAuth', size: 1, role: 'auth-write' },
  { kind: 'VMAuth', size: 1, role: 'auth-read' },
];

/** Position of a slot inside its stack's cell. */
const SLOT_POS: Record<string, { x: number; y: number }> = {
  cluster: { x: 300, y: 320 },
  single: { x: 600, y: 620 },
  am: { x: 1150, y: 40 },
  'alert-cluster': { x: 850, y: 40 },
  'alert-single': { x: 850, y: 620 },
  'agent-a': { x: 0, y: 200 },
  'agent-b': { x: 0, y: 360 },
  'agent-c': { x: 0, y: 620 },
  'auth-write': { x: 300, y: 40 },
  'auth-read': { x: 550, y: 40 },
};

function set(c: Component, fields: Record<string, unknown>): Component {
  let out = c;
  for (const [k, v] of Object.entries(fields)) out = withField(out, k, v);
  return out;
}

function spread(c: Component): Component {
  return { ...c, spec: withSpreading(c.spec, 'hostname', c) };
}

function base(kind: ComponentKind, name: string, position: { x: number; y: number }): Component {
  const info = KINDS[kind];
  return { id: `${info.prefix}-${name}`, kind, name, spec: structuredClone(info.initialSpec), position };
}

export interface Generated {
  topology: Topology;
  /** Ids by role for the first stack that has them (what the benches edit or drag). */
  sample: Record<string, string>;
}

/** A realistic fully linked design of exactly `n` components. */
export function generate(n: number, name = `bench-${n}`): Generated {
  if (!Number.isInteger(n) || n < 1) throw new Error(`cannot generate ${n} components`);
  const t = emptyTopology(name);
  const components: Component[] = [];
  const links: Link[] = [];
  const sample: Record<string, string> = {};
  const stacks = Math.ceil(n / STACK_SIZE);
  const cols = Math.max(1, Math.ceil(Math.sqrt(stacks)));
  const link = (type: LinkType, source: string | undefined, target: string | undefined, extra: Partial<Link> = {}) => {
    if (source === undefined || target === undefined) return;
    links.push({ ...extra, id: `${type}-${source}-${target}`, type, source, target });
  };

  for (let s = 0; s < stacks && components.length < n; s++) {
    const ox = (s % cols) * STACK_W;
    const oy = Math.floor(s / cols) * STACK_H;
    const ids: Record<string, string> = {};
    const interval = ['30s', '15s', '60s'][s % 3]!;
    for (const slot of STACK) {
      if (components.length + slot.size > n) continue;
      const p = SLOT_POS[slot.role]!;
      const c = base(slot.kind, `${slot.role}-s${s}`, { x: ox + p.x, y: oy + p.y });
      ids[slot.role] = c.id;
      sample[slot.role] ??= c.id;
      switch (slot.role) {
        case 'cluster': {
          components.push(set(c, { replicationFactor: 2, retentionPeriod: '3' }));
          const parts: Record<'vminsert' | 'vmselect' | 'vmstorage', Record<string, unknown>> = {
            vminsert: { replicaCount: 2, cpuRequest: '250m', memoryRequest: '512Mi' },
            vmselect: { replicaCount: 2, dedupInterval: interval, storageSize: '2Gi' },
            vmstorage: { replicaCount: 3, dedupInterval: interval, storageSize: '100Gi', memoryRequest: '4Gi' },
          };
          for (const kind of ['vminsert', 'vmselect', 'vmstorage'] as const) {
            const part: Component = {
              id: `${c.id}-${kind}`,
              kind,
              cluster: c.id,
              spec: structuredClone(KINDS[kind].initialSpec),
              position: PART_OFFSETS[kind],
            };
            components.push(spread(set(part, parts[kind])));
            ids[kind] = part.id;
            sample[kind] ??= part.id;
          }
          break;
        }
        case 'single':
          components.push(set(c, { dedupInterval: interval, retentionPeriod: '30d', cpuRequest: '500m' }));
          break;
        case 'am':
          components.push(spread({ ...set(c, { replicaCount: 3, storageSize: '1Gi' }), labels: { app: 'alertmanager', stack: `s${s}` } }));
          break;
        case 'alert-cluster':
        case 'alert-single':
          components.push(spread(set(c, { replicaCount: 2, evaluationInterval: '1m' })));
          break;
        case 'agent-a':
        case 'agent-b':
          components.push(
            spread({
              ...set(c, { replicaCount: 2, scrapeInterval: interval, cpuRequest: '200m', memoryRequest: '512Mi' }),
              labels: { team: `team-${s % 7}` },
            }),
          );
          break;
        case 'agent-c':
          components.push(set(c, { scrapeInterval: interval, shardCount: 2, externalLabels: { env: `env-${s}` } }));
          break;
        default:
          components.push(set(c, { replicaCount: 2 }));
      }
    }
    // A stack cut short by n still links what it has; a missing target drops the link.
    link('remoteWrite', ids['agent-a'], ids.vminsert);
    link('remoteWrite', ids['agent-b'], ids.vminsert);
    link('remoteWrite', ids['agent-c'], ids.single);
    link('remoteWrite', ids['agent-c'], ids.vminsert, { tenant: '1' });
    link('datasource', ids['alert-cluster'], ids.vmselect);
    link('remoteWrite', ids['alert-cluster'], ids.vminsert);
    link('remoteRead', ids['alert-cluster'], ids.vmselect);
    link('notifier', ids['alert-cluster'], ids.am);
    link('datasource', ids['alert-single'], ids.single);
    link('remoteWrite', ids['alert-single'], ids.single);
    link('remoteRead', ids['alert-single'], ids.single);
    link('notifier', ids['alert-single'], ids.am, { notify: 'pods' });
  }
  // Fill what the per-stack cut left (a cluster that did not fit) with agents on the first stack.
  for (let i = 0; components.length < n; i++) {
    const c = base('VMAgent', `extra-${i}`, { x: -300, y: i * 160 });
    components.push(set(c, { replicaCount: 2, scrapeInterval: '30s' }));
    link('remoteWrite', c.id, sample.vminsert ?? sample.single);
  }
  return { topology: { ...t, components, links }, sample };
}

/** Counts by kind, for reports. */
export function kindMix(t: Topology): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of t.components) out[c.kind] = (out[c.kind] ?? 0) + 1;
  return out;
}

/** Extreme shapes of design: what a lint, an edit or an import must stay near-linear on. */
export type ShapeName = 'fanin' | 'faninCluster' | 'fanout' | 'namespaces';

/** One agent into its destination, scraping what its HA peer (the agent next to it) scrapes. */
function fanAgent(i: number, into: string, links: Link[]): Component {
  const c = base('VMAgent', `edge-${i}`, { x: (i % 100) * 200, y: Math.floor(i / 100) * 160 });
  const agent = set(c, { replicaCount: 1 + (i % 2), scrapeInterval: ['30s', '15s'][i % 2]! });
  links.push({ id: `remoteWrite-${agent.id}-${into}`, type: 'remoteWrite', source: agent.id, target: into });
  return { ...agent, spec: { ...agent.spec, selectAllByDefault: false, serviceScrapeSelector: { matchLabels: { app: `app-${i >> 1}` } } } };
}

/**
 * `n` components in one of the shapes that stress what grows with fan-in and fan-out:
 * - fanin: n − 1 VMAgents remote-writing into one VMSingle (half of them in HA pairs, half with one replica);
 * - faninCluster: the same into one VMCluster's vminsert (n − 4 agents);
 * - fanout: one VMAgent writing to n − 1 VMSingles and to as many URLs outside the design;
 * - namespaces: the stacked design of `generate`, every stack in a namespace of its own.
 */
export function generateShape(shape: ShapeName, n: number): Generated {
  const t = emptyTopology(`${shape}-${n}`);
  const components: Component[] = [];
  const links: Link[] = [];
  const sample: Record<string, string> = {};
  if (shape === 'namespaces') {
    const g = generate(n, `${shape}-${n}`);
    const ns = (c: Component) => `team-${Math.floor(g.topology.components.indexOf(c) / STACK_SIZE)}`;
    return { ...g, topology: { ...g.topology, components: g.topology.components.map((c) => (c.cluster === undefined ? { ...c, namespace: ns(c) } : c)) } };
  }
  if (shape === 'fanout') {
    const agent = set(base('VMAgent', 'fanout', { x: 0, y: 0 }), { replicaCount: 2, scrapeInterval: '30s' });
    components.push(agent);
    for (let i = 1; i < n; i++) {
      const s = set(base('VMSingle', `sink-${i}`, { x: 400, y: i * 120 }), { dedupInterval: '30s' });
      components.push(s);
      links.push({ id: `remoteWrite-${agent.id}-${s.id}`, type: 'remoteWrite', source: agent.id, target: s.id });
      links.push({ id: `remoteWrite-${agent.id}-external-${i}`, type: 'remoteWrite', source: agent.id, external: { url: `https://remote-${i}.example.com/api/v1/write` } });
    }
    sample['agent-a'] = agent.id;
    return { topology: { ...t, components, links }, sample };
  }
  let into: string;
  if (shape === 'fanin') {
    const s = set(base('VMSingle', 'central', { x: -600, y: 0 }), { dedupInterval: '30s', retentionPeriod: '30d' });
    components.push(s);
    into = s.id;
  } else {
    const c = set(base('VMCluster', 'central', { x: -900, y: 0 }), { replicationFactor: 2 });
    components.push(c);
    for (const kind of ['vminsert', 'vmselect', 'vmstorage'] as const) {
      components.push(spread(set({ id: `${c.id}-${kind}`, kind, cluster: c.id, spec: structuredClone(KINDS[kind].initialSpec), position: PART_OFFSETS[kind] }, { replicaCount: 3 })));
    }
    into = `${c.id}-vminsert`;
  }
  for (let i = 0; components.length < n; i++) components.push(fanAgent(i, into, links));
  sample['agent-a'] = components[components.length >> 1]!.id;
  return { topology: { ...t, components, links }, sample };
}
