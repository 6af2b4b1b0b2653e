import { KINDS, isExternalKind, type ComponentKind } from '@vmtopo/model';

/** What the palette offers: every component kind, the two "part" items and a note. */
export type PaletteItemId = ComponentKind | 'Shard' | 'AlertmanagerReplica' | 'Note';

export interface PaletteItem {
  id: PaletteItemId;
  title: string;
  summary: string;
  abbr: string;
  /** The role whose colour the item wears. */
  role: Role;
  /** A part of a component (a shard, a replica) rather than a component: dropped onto its owner. */
  part?: boolean;
}

export interface PaletteGroup {
  title: string;
  items: PaletteItem[];
}

/** Short mark shown in the palette and on nodes. */
export const KIND_ABBR: Record<ComponentKind, string> = {
  VMAgent: 'AG',
  VMSingle: 'SG',
  VMCluster: 'CL',
  vminsert: 'IN',
  vmselect: 'SE',
  vmstorage: 'ST',
  VMAlert: 'AL',
  VMAlertmanager: 'AM',
  VMAuth: 'AU',
  Grafana: 'GF',
};

/**
 * Role of a kind; drives its accent colour and its column in the layout (left to right). A note has
 * its own colour and no column; a query client (Grafana) reads the stores, in the alerting column.
 */
export type Role = 'collect' | 'route' | 'store' | 'alert' | 'query' | 'notify' | 'note';
export const KIND_ROLE: Record<ComponentKind, Role> = {
  VMAgent: 'collect',
  VMAuth: 'route',
  VMSingle: 'store',
  VMCluster: 'store',
  vminsert: 'store',
  vmselect: 'store',
  vmstorage: 'store',
  VMAlert: 'alert',
  VMAlertmanager: 'notify',
  Grafana: 'query',
};

/** The muted line of a node: its kind, and "external" for a system outside the stack (canvas and diagram export). */
export function kindLine(kind: ComponentKind): string {
  return isExternalKind(kind) ? `${kind} · external` : kind;
}

export const ROLE_RANK: Record<Role, number> = { collect: 0, route: 1, store: 2, alert: 3, query: 3, notify: 4, note: 5 };

const item = (kind: ComponentKind): PaletteItem => ({
  id: kind,
  title: KINDS[kind].title,
  summary: KINDS[kind].summary,
  abbr: KIND_ABBR[kind],
  role: KIND_ROLE[kind],
});

export const PALETTE: PaletteGroup[] = [
  {
    title: 'Collect',
    items: [
      item('VMAgent'),
      { id: 'Shard', title: 'Shard', summary: 'Drop on a VMAgent to add a shard', abbr: '+S', role: 'collect', part: true },
    ],
  },
  { title: 'Store', items: [item('VMSingle'), item('VMCluster'), item('vminsert'), item('vmselect'), item('vmstorage')] },
  {
    title: 'Alert',
    items: [
      item('VMAlert'),
      item('VMAlertmanager'),
      { id: 'AlertmanagerReplica', title: 'Alertmanager replica', summary: 'Drop on a VMAlertmanager to add a replica', abbr: '+R', role: 'notify', part: true },
    ],
  },
  { title: 'Route', items: [item('VMAuth')] },
  { title: 'Around the stack', items: [item('Grafana')] },
  { title: 'Annotate', items: [{ id: 'Note', title: 'Note', summary: 'Free text on the canvas, saved with the design and its link; never in the YAML', abbr: '✎', role: 'note' }] },
];

export const PALETTE_MIME = 'application/x-vmtopo-palette';
