import { LINK_LABELS, type LinkType } from '@vmtopo/model';

/** Concrete colours (SVG markers cannot use CSS variables); readable on light and dark. */
export const LINK_COLORS: Record<LinkType, string> = {
  remoteWrite: '#2f7de1',
  datasource: '#16a34a',
  remoteRead: '#9b51e0',
  notifier: '#e8710a',
};
export const LINK_DASH: Record<LinkType, string | undefined> = {
  remoteWrite: undefined,
  datasource: '7 4',
  remoteRead: '2 4',
  notifier: '10 4 2 4',
};

export function linkLabel(type: LinkType, notify?: string): string {
  return type === 'notifier' && notify && notify !== 'selector' ? `${LINK_LABELS[type]} (${notify})` : LINK_LABELS[type];
}
