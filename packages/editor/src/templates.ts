import {
  addComponent,
  addLink,
  emptyTopology,
  partsOf,
  updateComponent,
  withField,
  withSpreading,
  type ComponentKind,
  type LinkType,
  type Topology,
} from '@vmtopo/model';
import { placeMissing, stackClusterParts } from './layout.ts';

/**
 * Starting points: a blank design and each scenario of the operator's high-availability guide,
 * built with the model's own edits (so they are exactly what a user could draw).
 */
export interface Template {
  id: string;
  title: string;
  summary: string;
  build: () => Topology;
}

class Builder {
  t: Topology;
  constructor(name: string) {
    this.t = emptyTopology(name);
  }
  add(kind: ComponentKind, name: string, fields: Record<string, unknown> = {}): string {
    const added = addComponent(this.t, kind, { name });
    this.t = added.topology;
    // An alertmanager with a label of its own, so that a VMAlert can select it (the operator then
    // notifies every replica) instead of listing pod URLs.
    if (kind === 'VMAlertmanager') this.t = updateComponent(this.t, added.id, (c) => ({ ...c, labels: { ...c.labels, 'app.kubernetes.io/instance': name } }));
    this.set(added.id, fields);
    return added.id;
  }
  set(id: string, fields: Record<string, unknown>): this {
    for (const [k, v] of Object.entries(fields)) this.t = updateComponent(this.t, id, (c) => withField(c, k, v));
    return this;
  }
  spread(id: string): this {
    this.t = updateComponent(this.t, id, (c) => ({ ...c, spec: withSpreading(c.spec, 'hostname', c) }));
    return this;
  }
  link(type: LinkType, source: string, target: string): this {
    this.t = addLink(this.t, type, source, target).topology;
    return this;
  }
  part(cluster: string, kind: 'vminsert' | 'vmselect' | 'vmstorage'): string {
    return partsOf(this.t, cluster)[kind]!.id;
  }
  done(): Topology {
    return placeMissing(stackClusterParts(this.t));
  }
}

/** The guide's agent scenarios: a VMAgent writing to a VMSingle that deduplicates at its scrape interval. */
function agentsIntoDedupSingle(design: string, agentName: string, agentFields: Record<string, unknown>): Topology {
  const b = new Builder(design);
  const single = b.add('VMSingle', 'persisted', { dedupInterval: '60s' });
  const agent = b.add('VMAgent', agentName, agentFields);
  return b.link('remoteWrite', agent, single).done();
}

export const TEMPLATES: Template[] = [
  {
    id: 'blank',
    title: 'Blank',
    summary: 'An empty design',
    build: () => emptyTopology('design'),
  },
  {
    id: 'ha-agents',
    title: 'HA vmagents + dedup VMSingle',
    summary: 'Two vmagent replicas write to a VMSingle that deduplicates at the scrape interval',
    build: () => agentsIntoDedupSingle('ha-agents', 'agent', { replicaCount: 2, scrapeInterval: '60s' }),
  },
  {
    id: 'sharded-agents',
    title: 'Sharded vmagents',
    summary: '5 shards × 2 replicas; each shard scrapes a fifth of the targets',
    build: () => agentsIntoDedupSingle('sharded-agents', 'agent', { shardCount: 5, replicaCount: 2, scrapeInterval: '60s' }),
  },
  {
    id: 'stateful-agents',
    title: 'Stateful vmagents',
    summary: 'StatefulSet agents with a persistent 20Gi remote-write queue',
    build: () => agentsIntoDedupSingle('stateful-agents', 'persistent', { replicaCount: 2, scrapeInterval: '60s', statefulMode: true, storageSize: '20Gi' }),
  },
  {
    id: 'ha-vmalert',
    title: 'HA vmalert + alertmanager replicas',
    summary: 'Two vmalert replicas notify every pod of a two-replica alertmanager through a selector',
    build: () => {
      const b = new Builder('ha-vmalert');
      const single = b.add('VMSingle', 'single');
      const alert = b.add('VMAlert', 'ha', { replicaCount: 2 });
      const am = b.add('VMAlertmanager', 'alertmanager', { replicaCount: 2, configSecret: 'vmalertmanager-alertmanager-config' });
      return b.link('datasource', alert, single).link('notifier', alert, am).done();
    },
  },
  {
    id: 'vmcluster',
    title: 'VMCluster',
    summary: 'Replication factor 2; vminsert, vmselect and vmstorage with 2 replicas each',
    build: () => {
      const b = new Builder('vmcluster');
      const cluster = b.add('VMCluster', 'persistent', { replicationFactor: 2, retentionPeriod: '4' });
      const storage = b.part(cluster, 'vmstorage');
      const select = b.part(cluster, 'vmselect');
      const insert = b.part(cluster, 'vminsert');
      b.set(storage, { replicaCount: 2, storageSize: '10Gi' }).spread(storage);
      b.set(select, { replicaCount: 2, storageSize: '2Gi' }).spread(select);
      b.set(insert, { replicaCount: 2 }).spread(insert);
      const agent = b.add('VMAgent', 'agent');
      const alert = b.add('VMAlert', 'alert');
      return b.link('remoteWrite', agent, insert).link('datasource', alert, select).done();
    },
  },
];
