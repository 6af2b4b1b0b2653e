import type { KindInfo } from './kind.ts';

/**
 * Grafana, drawn beside the stack as the consumer of its queries. It is no operator object (no
 * crdKind): the design records where its datasources point, and the YAML says so in a comment.
 */
export const grafana: KindInfo = {
  kind: 'Grafana',
  prefix: 'grafana',
  title: 'Grafana',
  summary: 'External dashboards reading through a datasource; not an operator object',
  initialSpec: {},
  fields: [
    {
      key: 'url',
      path: ['url'],
      label: 'URL',
      group: 'General',
      type: 'url',
      help: 'Where people open it (for the readers of the design); shown in the YAML comment.',
    },
  ],
};
