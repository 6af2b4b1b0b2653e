import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addComponent, addLink, fromDocument, toDocument } from '@vmtopo/model';
import { haDesign } from '../../../model/src/fixtures/ha-design.ts';
import { ShareLinkError, decodeShare, encodeShare } from './index.ts';
import { toBase64Url } from './base64url.ts';
import { bigDesign, haDesignLocal } from './fixtures/designs.ts';

/** Decoding either gives a valid design or throws a ShareLinkError: never anything else. */
function decodesSafely(link: string): void {
  let t;
  try {
    t = decodeShare(link);
  } catch (e) {
    if (!(e instanceof ShareLinkError)) throw new Error(`decodeShare threw ${String(e)} for ${JSON.stringify(link.slice(0, 80))}`);
    expect(e.message).not.toMatch(/^\s*$/);
    return;
  }
  expect(() => fromDocument(toDocument(t))).not.toThrow();
}

/** The HA design with every v2 field: zones, outage, workloads. */
const described = {
  ...haDesign(),
  zones: 2,
  outageMinutes: 90,
  components: haDesign().components.map((c) => (c.kind === 'VMAgent' ? { ...c, workload: { activeSeries: 600_000, churnPerDay: 5_000 } } : c.kind === 'VMCluster' ? { ...c, workload: { bytesPerSample: 1.5 } } : c)),
};
/** The HA design with an external Grafana reading its vmselect (share v2 kind code 9). */
const withGrafana = (() => {
  const g = addComponent(haDesign(), 'Grafana', { position: { x: 900, y: 40 } });
  return addLink(g.topology, 'datasource', g.id, g.topology.components.find((c) => c.kind === 'vmselect')!.id).topology;
})();
const LINKS = [haDesign(), haDesignLocal(), bigDesign(), described, withGrafana].map(encodeShare);
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

const mutation = fc.oneof(
  fc.record({ op: fc.constant('flip' as const), at: fc.nat(), ch: fc.constantFrom(...B64) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), ch: fc.oneof(fc.constantFrom(...B64), fc.string({ minLength: 1, maxLength: 1 })) }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), ch: fc.constant('') }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat(), ch: fc.constant('') }),
  fc.record({ op: fc.constant('xor' as const), at: fc.nat(), ch: fc.constant('') }),
);

function mutate(link: string, ms: { op: string; at: number; ch: string }[]): string {
  let s = link;
  for (const m of ms) {
    const at = 3 + (m.at % Math.max(1, s.length - 3));
    if (m.op === 'flip') s = s.slice(0, at) + m.ch + s.slice(at + 1);
    else if (m.op === 'insert') s = s.slice(0, at) + m.ch + s.slice(at);
    else if (m.op === 'delete') s = s.slice(0, at) + s.slice(at + 1);
    else if (m.op === 'truncate') s = s.slice(0, at);
    else s = s.slice(0, at) + B64[(B64.indexOf(s[at] ?? 'A') ^ 1) & 63] + s.slice(at + 1);
  }
  return s;
}

describe('decoder fuzz: only ShareLinkError is ever thrown', () => {
  it('random strings', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string().map((s) => `#v1.${s}`), fc.string().map((s) => `v${s}`)), (s) => decodesSafely(s)), {
      numRuns: 2000,
    });
  });

  it('random bytes, base64url-encoded', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => decodesSafely(`v1.${toBase64Url(bytes)}`)), { numRuns: 3000 });
  });

  it('mutated valid links (flip, insert, delete, truncate)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...LINKS), fc.array(mutation, { minLength: 1, maxLength: 4 }), (link, ms) => decodesSafely(mutate(link, ms))),
      { numRuns: 3000 },
    );
  });

  it('every single-character flip of a link', () => {
    const link = LINKS[0]!;
    for (let at = 3; at < link.length; at++) {
      for (const ch of ['A', 'z', '-', '_', '0']) decodesSafely(link.slice(0, at) + ch + link.slice(at + 1));
      decodesSafely(link.slice(0, at));
    }
  });

  it('non-string input', () => {
    for (const v of [undefined, null, 42, {}, []]) expect(() => decodeShare(v as unknown as string)).toThrow(ShareLinkError);
  });
});
