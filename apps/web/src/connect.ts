import { linkProblem, LINK_TYPES, possibleLinkTypes, type LinkType, type Topology } from '@vmtopo/model';

/** A link the user could make: its type and its ends as the model sees them. */
export interface LinkOption {
  type: LinkType;
  source: string;
  target: string;
}

/**
 * Query links (datasource, remote read) point from a VMAlert to the storage it reads, but data
 * flows the other way; the canvas draws them from the storage's right side to the VMAlert's left
 * side, so that everything reads left to right.
 */
export const QUERY_LINKS: ReadonlySet<LinkType> = new Set<LinkType>(['datasource', 'remoteRead']);

/**
 * What a drag from `from` (its right side) to `to` (its left side) can become, in the order a user
 * most likely means; when nothing, the model's reason.
 */
export function linkOptions(t: Topology, from: string, to: string): { options: LinkOption[]; problem?: string } {
  const forward = possibleLinkTypes(t, from, to).map((type) => ({ type, source: from, target: to }));
  const reverse = possibleLinkTypes(t, to, from)
    .filter((type) => QUERY_LINKS.has(type))
    .map((type) => ({ type, source: to, target: from }));
  const options = [...forward, ...reverse];
  if (options.length > 0) return { options };
  const reasons: { type: LinkType; text: string }[] = [];
  for (const type of LINK_TYPES) {
    const p = linkProblem(t, type, from, to);
    if (p) reasons.push({ type, text: p });
  }
  for (const type of QUERY_LINKS) {
    const p = linkProblem(t, type, to, from);
    if (p) reasons.push({ type, text: p });
  }
  const telling = reasons.find((r) => !r.text.startsWith(`${r.type} links start at`));
  return { options, problem: (telling ?? reasons[0])?.text ?? 'this link is not allowed' };
}
