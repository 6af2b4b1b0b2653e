import { fields } from './field.ts';
import type { KindInfo } from './kind.ts';

export const vmalert: KindInfo = {
  kind: 'VMAlert',
  crdKind: 'VMAlert',
  prefix: 'vmalert',
  port: 8080,
  title: 'VMAlert',
  summary: 'Evaluates alerting and recording rules',
  initialSpec: { selectAllByDefault: true },
  fields: [
    fields.replicaCount(1, 'Two or more keep rules evaluated during restarts; Alertmanager deduplicates their alerts.'),
    fields.spreading(),
    ...fields.pdb(),
    {
      key: 'evaluationInterval',
      path: ['evaluationInterval'],
      label: 'Evaluation interval',
      group: 'Alerting',
      type: 'shortDuration',
      default: '1m',
      help: 'How often rule groups are evaluated.',
    },
    {
      key: 'selectAllByDefault',
      path: ['selectAllByDefault'],
      label: 'Select all VMRules',
      group: 'Alerting',
      type: 'bool',
      default: false,
      help: 'Without it (or a ruleSelector) no VMRules are loaded.',
    },
    {
      key: 'externalLabels',
      path: ['externalLabels'],
      label: 'External labels',
      group: 'Alerting',
      type: 'labels',
      help: 'Added to every alert and recorded series.',
    },
    ...fields.resources('50m', '200Mi'),
  ],
};
