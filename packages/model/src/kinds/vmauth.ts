import { fields } from './field.ts';
import type { KindInfo } from './kind.ts';

export const vmauth: KindInfo = {
  kind: 'VMAuth',
  crdKind: 'VMAuth',
  prefix: 'vmauth',
  port: 8427,
  title: 'VMAuth',
  summary: 'Auth proxy and load balancer in front of storage',
  initialSpec: { selectAllByDefault: true },
  fields: [
    fields.replicaCount(1, 'Stateless; 2 or more keep the proxy up during restarts.'),
    fields.spreading(),
    ...fields.pdb(),
    {
      key: 'selectAllByDefault',
      path: ['selectAllByDefault'],
      label: 'Select all VMUsers',
      group: 'General',
      type: 'bool',
      default: false,
      help: 'Pick up every VMUser; otherwise set userSelector.',
    },
    ...fields.resources('50m', '100Mi'),
  ],
};
