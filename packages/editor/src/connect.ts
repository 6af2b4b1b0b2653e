import {
  addLink,
  LINK_LABELS,
  LINK_RULES,
  linkProblem,
  LINK_TYPES,
  possibleLinkTypes,
  type ComponentKind,
  type LinkType,
  type Topology,
} from '@vmtopo/model';
import type { EditorStore } from './editorStore.ts';

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

const targetsOf = (types: readonly LinkType[]) => types.flatMap((t) => Object.values(LINK_RULES[t].to).flatMap((k) => k ?? []));
const QUERY = LINK_TYPES.filter((t) => QUERY_LINKS.has(t));
const FLOW = LINK_TYPES.filter((t) => !QUERY_LINKS.has(t));
/** Kinds with a right-hand handle: they send (write, notify) or answer queries. */
const OUTPUTS = new Set<ComponentKind>([...FLOW.flatMap((t) => LINK_RULES[t].from), ...targetsOf(QUERY)]);
/** Kinds with a left-hand handle: they receive writes or notifications, or they query. */
const INPUTS = new Set<ComponentKind>([...targetsOf(FLOW), ...QUERY.flatMap((t) => LINK_RULES[t].from)]);

export const hasOutput = (kind: ComponentKind): boolean => OUTPUTS.has(kind);
export const hasInput = (kind: ComponentKind): boolean => INPUTS.has(kind);

/** From which end a connection was dragged decides which side is the source. */
export function orient(fromNode: string, fromHandleType: 'source' | 'target' | null, other: string): { source: string; target: string } {
  return fromHandleType === 'target' ? { source: other, target: fromNode } : { source: fromNode, target: other };
}

/** Whether a drag from `source` to `target` can become a link at all. */
export function canLink(t: Topology, source: string, target: string): boolean {
  return linkOptions(t, source, target).options.length > 0;
}

/** While a connection is dragged over `target`: what it would become, or why it is refused. */
export function connectHint(t: Topology, source: string, target: string): { ok: boolean; text: string } {
  const v = linkOptions(t, source, target);
  return { ok: !v.problem, text: v.problem ? `✖ ${v.problem}` : `✓ ${v.options.map((o) => LINK_LABELS[o.type]).join(' / ')}` };
}

/** Adds a link as one undo step and selects it; a refusal is a notice. */
export function makeLink(store: EditorStore, { source, target, type }: LinkOption): void {
  const s = store.getState();
  try {
    const added = addLink(s.topology, type, source, target);
    s.commit(added.topology, { select: { edges: [added.id] } });
    s.notify(`Linked: ${LINK_LABELS[type]}.`);
  } catch (e) {
    s.notify(`Cannot link: ${(e as Error).message}`, 'error');
  }
}

/**
 * Connects `source` to `target`: the one possible link is made, a refusal is a notice with the
 * model's reason; when several links are possible they are returned for the user to choose.
 */
export function connect(store: EditorStore, source: string, target: string): LinkOption[] | undefined {
  const s = store.getState();
  const verdict = linkOptions(s.topology, source, target);
  if (verdict.problem) {
    s.notify(`Cannot link: ${verdict.problem}`, 'error');
    return undefined;
  }
  if (verdict.options.length === 1) {
    makeLink(store, verdict.options[0]!);
    return undefined;
  }
  return verdict.options;
}
