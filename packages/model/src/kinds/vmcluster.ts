import { fields } from './field.ts';
import type { KindInfo } from './kind.ts';

export const vmcluster: KindInfo = {
  kind: 'VMCluster',
  crdKind: 'VMCluster',
  prefix: 'vmcluster',
  title: 'VMCluster',
  summary: 'Replicated cluster: vminsert, vmselect and vmstorage',
  initialSpec: { retentionPeriod: '1', replicationFactor: 2 },
  fields: [
    {
      key: 'replicationFactor',
      path: ['replicationFactor'],
      label: 'Replication factor',
      group: 'High availability',
      type: 'int',
      min: 1,
      help: 'Copies of each sample on distinct vmstorage nodes; needs at least 2·RF−1 storage nodes.',
    },
    fields.retention(),
    {
      key: 'clusterVersion',
      path: ['clusterVersion'],
      label: 'Version',
      group: 'General',
      type: 'text',
      help: 'Image tag of all three components (operator default when unset).',
    },
  ],
};

const partFields = (cpu: string, memory: string) => [fields.spreading(), ...fields.pdb(), ...fields.resources(cpu, memory)];

export const vminsert: KindInfo = {
  kind: 'vminsert',
  crdKind: 'VMCluster',
  prefix: 'vminsert',
  port: 8480,
  title: 'vminsert',
  summary: 'Accepts writes and spreads them over vmstorage',
  initialSpec: { replicaCount: 2 },
  fields: [fields.replicaCount(1, 'Stateless; 2 or more keep writes flowing during restarts.'), ...partFields('150m', '200Mi')],
};

export const vmselect: KindInfo = {
  kind: 'vmselect',
  crdKind: 'VMCluster',
  prefix: 'vmselect',
  port: 8481,
  title: 'vmselect',
  summary: 'Answers queries by merging data from vmstorage',
  initialSpec: { replicaCount: 2 },
  fields: [
    fields.replicaCount(1, 'Query nodes; 2 or more keep queries answered during restarts.'),
    fields.dedup('Must equal the vmstorage value; set it to the agents’ scrape interval when HA agents write here.'),
    fields.storageSize(['storage', 'volumeClaimTemplate', 'spec'], 'Cache volume (emptyDir when unset).'),
    ...partFields('100m', '500Mi'),
  ],
};

export const vmstorage: KindInfo = {
  kind: 'vmstorage',
  crdKind: 'VMCluster',
  prefix: 'vmstorage',
  title: 'vmstorage',
  summary: 'Stores the data; one of RF copies per node',
  initialSpec: { replicaCount: 3, storage: { volumeClaimTemplate: { spec: { resources: { requests: { storage: '20Gi' } } } } } },
  fields: [
    fields.replicaCount(1, 'Storage nodes; at least 2·RF−1 so that writes survive RF−1 nodes down. Set it: unset, the operator gives vminsert and vmselect no storage nodes.'),
    fields.dedup('Must equal the vmselect value; set it to the agents’ scrape interval when HA agents write here.'),
    fields.storageSize(['storage', 'volumeClaimTemplate', 'spec'], 'Data volume per node; emptyDir (data lost on reschedule) when unset.'),
    ...partFields('250m', '500Mi'),
  ],
};
