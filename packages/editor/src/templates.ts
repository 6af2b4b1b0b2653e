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
  /**
   * Replicas that stay apart and are drained one at a time: a DoNotSchedule spread on
   * kubernetes.io/hostname (maxSkew 1; the only kind of spreading that binds the scheduler, so the
   * failure simulation counts it) and a PodDisruptionBudget with maxUnavailable 1.
   */
  ha(id: string): this {
    this.t = updateComponent(this.t, id, (c) => ({ ...c, spec: withSpreading(c.spec, 'hostname', c, { whenUnsatisfiable: 'DoNotSchedule' }) }));
    return this.set(id, { pdbMaxUnavailable: 1 });
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

/** Agent fields every agent template shares: two replicas scraping every 60s into a persistent queue. */
const HA_AGENT = { replicaCount: 2, scrapeInterval: '60s', statefulMode: true, storageSize: '20Gi' };

/** An alertmanager gossip cluster of 3 (the recommended production minimum) with its routing config. */
function alertmanager(b: Builder, name: string): string {
  const am = b.add('VMAlertmanager', name, { replicaCount: 3, configSecret: `vmalertmanager-${name}-config` });
  b.ha(am);
  return am;
}

/**
 * The guide's agent scenarios: a VMAgent writing to a VMSingle that deduplicates at its scrape
 * interval. The agents are spread over nodes, drained one at a time and keep their queue on a volume.
 */
function agentsIntoDedupSingle(design: string, agentName: string, agentFields: Record<string, unknown>): Topology {
  const b = new Builder(design);
  const single = b.add('VMSingle', 'persisted', { dedupInterval: '60s', storageSize: '50Gi' });
  const agent = b.add('VMAgent', agentName, agentFields);
  b.ha(agent);
  return b.link('remoteWrite', agent, single).done();
}

const SPOF_NOTE = 'The VMSingle is one pod by design, so the checker keeps its vmsingle-spof warning: use the VMCluster template for storage that survives a node.';

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
    summary: `Two vmagent replicas (one per node, persistent queue, PDB) write to a VMSingle that deduplicates at the scrape interval. ${SPOF_NOTE}`,
    build: () => agentsIntoDedupSingle('ha-agents', 'agent', HA_AGENT),
  },
  {
    id: 'sharded-agents',
    title: 'Sharded vmagents',
    summary: `5 shards × 2 replicas (one per node, persistent queues, PDBs); each shard scrapes a fifth of the targets. ${SPOF_NOTE}`,
    build: () => agentsIntoDedupSingle('sharded-agents', 'agent', { ...HA_AGENT, shardCount: 5 }),
  },
  {
    id: 'stateful-agents',
    title: 'Stateful vmagents',
    summary: `StatefulSet agents (2 replicas, one per node, PDB) with a persistent 20Gi remote-write queue that outlives a storage outage and a restart. ${SPOF_NOTE}`,
    build: () => agentsIntoDedupSingle('stateful-agents', 'persistent', HA_AGENT),
  },
  {
    id: 'ha-vmalert',
    title: 'HA vmalert + alertmanager replicas',
    summary:
      'Two vmalert replicas notify every pod of a 3-replica alertmanager through a selector, and keep alert state by writing through the stateful vmagents and reading back from the VMSingle. ' +
      SPOF_NOTE,
    build: () => {
      const b = new Builder('ha-vmalert');
      const single = b.add('VMSingle', 'single', { dedupInterval: '60s', storageSize: '50Gi' });
      const agent = b.add('VMAgent', 'agent', HA_AGENT);
      const alert = b.add('VMAlert', 'ha', { replicaCount: 2 });
      const am = alertmanager(b, 'alertmanager');
      b.ha(agent).ha(alert);
      // VMAlert links in the order an import reads them back (datasource, remoteWrite, remoteRead, notifier), so that a YAML round trip keeps them.
      return b
        .link('remoteWrite', agent, single)
        .link('datasource', alert, single)
        .link('remoteWrite', alert, agent)
        .link('remoteRead', alert, single)
        .link('notifier', alert, am)
        .done();
    },
  },
  {
    id: 'vmcluster',
    title: 'VMCluster',
    summary:
      'Replication factor 2 over 3 vmstorage nodes (2·RF−1), 2 vminsert and 2 vmselect, every component one pod per node with a PDB; HA stateful vmagents, ' +
      'two vmalert replicas keeping their state through the agents and notifying a 3-replica alertmanager; an external Grafana reads the vmselects. Survives the loss of any pod or node.',
    build: () => {
      const b = new Builder('vmcluster');
      const cluster = b.add('VMCluster', 'persistent', { replicationFactor: 2, retentionPeriod: '4' });
      const storage = b.part(cluster, 'vmstorage');
      const select = b.part(cluster, 'vmselect');
      const insert = b.part(cluster, 'vminsert');
      b.set(storage, { replicaCount: 3, storageSize: '10Gi', dedupInterval: '60s' }).ha(storage);
      b.set(select, { replicaCount: 2, storageSize: '2Gi', dedupInterval: '60s' }).ha(select);
      b.set(insert, { replicaCount: 2 }).ha(insert);
      const agent = b.add('VMAgent', 'agent', HA_AGENT);
      const alert = b.add('VMAlert', 'alert', { replicaCount: 2 });
      const am = alertmanager(b, 'alertmanager');
      const grafana = b.add('Grafana', 'grafana');
      b.ha(agent).ha(alert);
      return b
        .link('remoteWrite', agent, insert)
        .link('datasource', alert, select)
        .link('remoteWrite', alert, agent)
        .link('remoteRead', alert, select)
        .link('notifier', alert, am)
        .link('datasource', grafana, select)
        .done();
    },
  },
];
