import { fields } from './field.ts';
import type { KindInfo } from './kind.ts';

export const vmalertmanager: KindInfo = {
  kind: 'VMAlertmanager',
  crdKind: 'VMAlertmanager',
  prefix: 'vmalertmanager',
  port: 9093,
  title: 'VMAlertmanager',
  summary: 'Routes, groups and deduplicates alerts',
  initialSpec: {},
  fields: [
    fields.replicaCount(1, 'Gossip cluster size; 3 for production, 5 for critical setups. One replica disables clustering.'),
    fields.spreading(),
    ...fields.pdb(),
    {
      key: 'configSecret',
      path: ['configSecret'],
      label: 'Config secret',
      group: 'Alerting',
      type: 'text',
      help: 'Secret with key alertmanager.yaml. Without a config the operator installs a blackhole route.',
    },
    {
      key: 'configRawYaml',
      path: ['configRawYaml'],
      label: 'Inline config',
      group: 'Alerting',
      type: 'multiline',
      help: 'alertmanager.yaml inline (instead of a secret).',
    },
    {
      key: 'retention',
      path: ['retention'],
      label: 'Retention',
      group: 'Storage',
      type: 'shortDuration',
      default: '120h',
      help: 'How long silences and notification state are kept.',
    },
    fields.storageSize(['storage', 'volumeClaimTemplate', 'spec'], 'Volume for silences and state (emptyDir when unset).'),
    ...fields.resources('30m', '56Mi'),
  ],
};
