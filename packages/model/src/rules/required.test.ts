import { describe, expect, it } from 'vitest';
import { addComponent, addLink } from '../edit.ts';
import { emptyTopology } from '../topology.ts';
import { lint } from './index.ts';

describe('required links', () => {
  it('an unconnected VMAgent or VMAlert cannot be applied', () => {
    let t = emptyTopology();
    const agent = addComponent(t, 'VMAgent');
    const alert = addComponent(agent.topology, 'VMAlert');
    const single = addComponent(alert.topology, 'VMSingle');
    t = single.topology;
    const ids = () => lint(t, { only: ['vmagent-no-remote-write', 'vmalert-no-datasource'] }).map((f) => [f.ruleId, f.componentIds[0]]);
    expect(ids()).toEqual([
      ['vmagent-no-remote-write', agent.id],
      ['vmalert-no-datasource', alert.id],
    ]);
    t = addLink(t, 'remoteWrite', agent.id, single.id).topology;
    t = addLink(t, 'datasource', alert.id, single.id).topology;
    expect(ids()).toEqual([]);
  });
});
