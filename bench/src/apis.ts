/**
 * The entry points the benches need from packages other engineers are still writing. They are
 * looked up at run time, so that the bench runs (and reports null with a reason) before they land
 * and measures them as soon as they do. Nothing here is ever stubbed with a fake.
 */
import * as model from '@vmtopo/model';
import * as render from '@vmtopo/render';
import type { Topology } from '@vmtopo/model';

export interface FindingLike {
  ruleId: string;
  severity: string;
  componentIds: string[];
}

type Lint = (t: Topology) => FindingLike[];
type Encode = (t: Topology) => string;
type Decode = (s: string) => Topology;
type Link = (t: Topology, base?: string) => string;

const m = model as unknown as Record<string, unknown>;
const r = render as unknown as Record<string, unknown>;

export function getLint(): Lint | string {
  return typeof m.lint === 'function' ? (m.lint as Lint) : '`lint` is not exported from @vmtopo/model yet (packages/model/src/rules)';
}

export function getShare(): { encodeShare: Encode; decodeShare: Decode; shareLink: Link } | string {
  if (typeof r.encodeShare === 'function' && typeof r.decodeShare === 'function' && typeof r.shareLink === 'function') {
    return { encodeShare: r.encodeShare as Encode, decodeShare: r.decodeShare as Decode, shareLink: r.shareLink as Link };
  }
  return '`encodeShare` / `decodeShare` / `shareLink` are not exported from @vmtopo/render yet (packages/render/src/share)';
}
