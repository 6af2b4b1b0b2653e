import { fields } from './field.ts';
import type { KindInfo } from './kind.ts';

export const vmsingle: KindInfo = {
  kind: 'VMSingle',
  crdKind: 'VMSingle',
  prefix: 'vmsingle',
  port: 8429,
  title: 'VMSingle',
  summary: 'Single-node storage and query: simple, but one pod',
  initialSpec: { retentionPeriod: '1', storage: { resources: { requests: { storage: '20Gi' } } } },
  fields: [
    fields.replicaCount(1, 'VMSingle supports one replica only; for HA use a VMCluster or two VMSingles.'),
    fields.dedup('extraArgs dedup.minScrapeInterval: set it to the agents’ scrape interval when HA agents write here.'),
    fields.retention(),
    fields.storageSize(['storage'], 'PersistentVolumeClaim size; without a volume the data lives on an emptyDir.'),
    ...fields.resources('150m', '500Mi'),
  ],
};
