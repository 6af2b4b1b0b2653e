import type { Topology } from '@vmtopo/model';
import { haDesign } from '../../../model/src/fixtures/ha-design.ts';

/** The HA design with a few problems: vmstorage below RF, single vmalert, alertmanager without config. */
export function broken(): Topology {
  let t = haDesign();
  t = edit(t, 'vmcluster-main-vmstorage', (s) => ({ ...s, replicaCount: 1 }));
  t = edit(t, 'vmalert-rules', (s) => ({ ...s, replicaCount: 1 }));
  t = edit(t, 'vmalertmanager-alertmanager', ({ configSecret: _c, ...s }) => s);
  return t;
}

export function edit(t: Topology, id: string, f: (s: Record<string, unknown>) => Record<string, unknown>): Topology {
  return { ...t, components: t.components.map((c) => (c.id === id ? { ...c, spec: f(structuredClone(c.spec)) } : c)) };
}
