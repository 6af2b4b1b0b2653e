import { addComponent, addLink, emptyTopology, partsOf } from '@vmtopo/model';
import { describe, expect, it } from 'vitest';
import { linkOptions } from './connect.ts';

function design() {
  let t = emptyTopology();
  const agent = addComponent(t, 'VMAgent');
  t = agent.topology;
  const am = addComponent(t, 'VMAlertmanager');
  t = am.topology;
  const alert = addComponent(t, 'VMAlert');
  t = alert.topology;
  const cl = addComponent(t, 'VMCluster');
  t = cl.topology;
  const parts = partsOf(t, cl.id);
  return { t, agent: agent.id, am: am.id, alert: alert.id, select: parts.vmselect!.id, insert: parts.vminsert!.id };
}

describe('linkOptions', () => {
  it('refuses an agent writing to an alertmanager with the model’s reason', () => {
    const d = design();
    const r = linkOptions(d.t, d.agent, d.am);
    expect(r.options).toEqual([]);
    expect(r.problem).toMatch(/only to VMSingle, vminsert, VMAuth, not to VMAlertmanager/);
  });
  it('reads a drag from vmselect to a VMAlert as the VMAlert’s datasource', () => {
    const d = design();
    expect(linkOptions(d.t, d.select, d.alert).options).toEqual([
      { type: 'datasource', source: d.alert, target: d.select },
      { type: 'remoteRead', source: d.alert, target: d.select },
    ]);
    expect(linkOptions(d.t, d.alert, d.am).options).toEqual([{ type: 'notifier', source: d.alert, target: d.am }]);
  });
  it('says why a second datasource is refused', () => {
    const d = design();
    const t = addLink(d.t, 'datasource', d.alert, d.select).topology;
    const other = addComponent(t, 'VMSingle');
    const r = linkOptions(other.topology, d.alert, other.id);
    expect(r.options.map((o) => o.type)).toEqual(['remoteWrite', 'remoteRead']);
    expect(linkOptions(t, d.select, d.alert).options.map((o) => o.type)).toEqual(['remoteRead']);
  });
});
