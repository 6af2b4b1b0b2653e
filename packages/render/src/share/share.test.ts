import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { DOCUMENT_VERSION, KINDS, addComponent, addLink, addNote, fromDocument, toDocument } from '@vmtopo/model';
import type { Topology } from '@vmtopo/model';
import { arbTopology, withGrafanas } from '../../../model/src/fixtures/arbitrary.ts';
import { haDesign } from '../../../model/src/fixtures/ha-design.ts';
import { DEFAULT_SHARE_BASE, SHARE_LIMITS, ShareLinkError, decodeShare, encodeShare, roundPositions, shareLink } from './index.ts';
import { V1, V2 } from './compact.ts';
import { importManifests } from '../import.ts';
import { arbWildTopology } from './fixtures/arbitrary.ts';
import { bigDesign, haDesignLocal } from './fixtures/designs.ts';

/** Share format v1, frozen: see fixtures/v1-golden.json. */
const golden = JSON.parse(readFileSync(new URL('./fixtures/v1-golden.json', import.meta.url), 'utf8')) as { link: string; document: unknown };

/** What a topology looks like after a trip through the document format (key order, JSON numbers). */
const canonical = (t: Topology) => fromDocument(JSON.parse(JSON.stringify(toDocument(t))));
const text = (t: Topology) => JSON.stringify(toDocument(t));

/** A link around hand-written compact JSON, compressed without the dictionary (still valid v1). */
const rawLink = (json: string) => `#v1.${deflateRawSync(Buffer.from(json)).toString('base64url')}`;

function problemOf(link: string): string {
  try {
    decodeShare(link);
    return 'ok';
  } catch (e) {
    expect(e).toBeInstanceOf(ShareLinkError);
    return (e as ShareLinkError).problem;
  }
}

function messageOf(link: string): string {
  try {
    decodeShare(link);
  } catch (e) {
    expect(e).toBeInstanceOf(ShareLinkError);
    return (e as Error).message;
  }
  throw new Error('decoded');
}

describe('round trip', () => {
  it('gives back the model’s random topologies exactly (Grafanas included), with positions', () => {
    const withPositions = arbTopology({ workload: true }).chain(withGrafanas).chain((t) =>
      fc.array(fc.option(fc.record({ x: fc.integer({ min: -3000, max: 3000 }), y: fc.integer({ min: -3000, max: 3000 }) }), { nil: undefined }), {
        minLength: t.components.length,
        maxLength: t.components.length,
      }).map((ps) => ({ ...t, components: t.components.map((c, i) => (ps[i] ? { ...c, position: ps[i] } : c)) })),
    );
    fc.assert(
      fc.property(withPositions, (t) => {
        const back = decodeShare(encodeShare(t));
        expect(back).toEqual(t);
        expect(text(back)).toBe(text(canonical(t)));
      }),
      { numRuns: 300 },
    );
  });

  it('gives back wild topologies (any ids, specs, names, link fields) with positions rounded', () => {
    fc.assert(
      fc.property(arbWildTopology(), (t) => {
        fromDocument(toDocument(t)); // the generator makes valid designs only
        const back = decodeShare(shareLink(t));
        const expected = canonical(roundPositions(t));
        expect(back).toEqual(expected);
        expect(text(back)).toBe(text(expected));
      }),
      { numRuns: 300 },
    );
  });

  it('rounds positions to whole numbers, -0 included', () => {
    const t = haDesignLocal();
    t.components[0]!.position = { x: 10.5, y: -0.2 };
    const back = decodeShare(encodeShare(t));
    expect(back.components[0]!.position).toEqual({ x: 11, y: 0 });
    expect(Object.is(back.components[0]!.position!.y, 0)).toBe(true);
    expect(back).toEqual(roundPositions(t));
  });

  it('accepts a whole URL, "#v2." or "v2.", and replaces a fragment already on the base', () => {
    const t = haDesign();
    const link = shareLink(t, 'https://vmtopo.example/app/?x=1#old');
    expect(link.startsWith('https://vmtopo.example/app/?x=1#v2.')).toBe(true);
    for (const form of [link, link.slice(link.indexOf('#')), link.slice(link.indexOf('#') + 1), `${link}\n`]) {
      expect(decodeShare(form)).toEqual(t);
    }
    expect(shareLink(t).startsWith(`${DEFAULT_SHARE_BASE}#v2.`)).toBe(true);
  });

  it('leaves out what can be derived', () => {
    const t = haDesignLocal();
    const payload = encodeShare({ ...t, links: [] });
    expect(payload).toMatch(/^v2\.[A-Za-z0-9_-]+$/);
    const empty = encodeShare({ name: 'design', namespace: 'monitoring', components: [], links: [], extras: [] });
    expect(empty.length).toBeLessThan(10);
    expect(decodeShare(empty)).toEqual({ name: 'design', namespace: 'monitoring', components: [], links: [], extras: [] });
  });
});

describe('size', () => {
  it('fits a complete HA design in 1,000 characters', () => {
    const sizes = {
      haDesign: shareLink(haDesign()).length,
      haDesignWithoutExtras: shareLink({ ...haDesign(), extras: [] }).length,
      ha13: shareLink(haDesignLocal()).length,
      big130: shareLink(bigDesign()).length,
    };
    console.log('share link lengths (with base http://localhost:5173/):', sizes);
    expect(sizes.haDesign).toBeLessThanOrEqual(1000);
    expect(sizes.ha13).toBeLessThanOrEqual(1000);
    expect(bigDesign().components).toHaveLength(130);
    expect(sizes.big130).toBeLessThanOrEqual(2500);
  });

  it('refuses to encode a design past the limits', () => {
    const t: Topology = {
      name: 'huge',
      namespace: 'monitoring',
      components: Array.from({ length: SHARE_LIMITS.components + 1 }, (_, i) => ({ id: `vmagent-a${i}`, kind: 'VMAgent' as const, name: `a${i}`, spec: {} })),
      links: [],
      extras: [],
    };
    expect(() => encodeShare(t)).toThrow(ShareLinkError);
    expect(() => encodeShare(t)).toThrow(/too large for a share link.*save it as a file/);
  });
});

describe('format v1', () => {
  it('opens the golden v1 link to the same design, forever (migrated: v1 → v2 adds the default zones and outage and writes the queue size in vmagent\'s units, nothing else)', () => {
    const t = decodeShare(golden.link);
    const migrated = { ...(golden.document as { links: { extra?: { maxDiskUsage?: string } }[] }), version: 2, zones: 3, outageMinutes: 60 };
    const queued = migrated.links.findIndex((l) => l.extra?.maxDiskUsage === '1Gi');
    expect(queued).toBeGreaterThanOrEqual(0);
    migrated.links = migrated.links.map((l, i) => (i === queued ? { ...l, extra: { ...l.extra, maxDiskUsage: '1GiB' } } : l));
    expect(toDocument(t)).toEqual(migrated);
    expect(JSON.stringify(toDocument(t))).toBe(JSON.stringify(migrated));
  });

  it('re-encodes the golden design to a link that opens the same', () => {
    const t = fromDocument(golden.document);
    expect(decodeShare(encodeShare(t))).toEqual(t);
  });

  it('v1 links hold version-1 documents; the encoder writes v2, tied to document version 2 (a new document version needs share format v3)', () => {
    // When this fails, the model's document format moved on: v1 and v2 links still open (they
    // decode to documents of their version and migrate), but encodeShare must write a new share version.
    expect(V1.documentVersion).toBe(1);
    expect(DOCUMENT_VERSION).toBe(V2.documentVersion);
  });

  it('has frozen tables that match today’s model (a mismatch only costs size, never correctness)', () => {
    V2.kinds.forEach((kind, i) => {
      expect(KINDS[kind].prefix).toBe(V2.prefixes[i]);
      expect(JSON.stringify(KINDS[kind].initialSpec)).toBe(V2.initialSpecs[i]);
    });
  });

  it('v2 only appends to V1’s kind tables, and every kind of the model has a code', () => {
    expect(V2.kinds.slice(0, V1.kinds.length)).toEqual(V1.kinds);
    expect(V2.prefixes.slice(0, V1.prefixes.length)).toEqual(V1.prefixes);
    expect(V2.initialSpecs.slice(0, V1.initialSpecs.length)).toEqual(V1.initialSpecs);
    expect([...V2.kinds].sort()).toEqual(Object.keys(KINDS).sort());
  });

  it('carries a Grafana as kind 9 of v2, and a v1 link knows no such code', () => {
    let t = haDesignLocal();
    const g = addComponent(t, 'Grafana', { position: { x: 900, y: 40 } });
    const select = g.topology.components.find((c) => c.kind === 'vmselect')!;
    t = addLink(g.topology, 'datasource', g.id, select.id, { tenant: '1' }).topology;
    const back = decodeShare(shareLink(t));
    expect(back).toEqual(t);
    expect(back.components.at(-1)).toMatchObject({ id: 'grafana-grafana', kind: 'Grafana', name: 'grafana', spec: {} });
    expect(messageOf(rawLink('{"c":[[9,"grafana"]]}'))).toMatch(/\$\.components\[0\]\.kind: has unknown kind code 9/);
  });
});

describe('bad links', () => {
  const good = shareLink(haDesign());
  const payload = good.slice(good.indexOf('#') + 1);

  it('names an unknown version', () => {
    expect(problemOf('#v9.abc')).toBe('version');
    expect(messageOf('#v9.abc')).toMatch(/format "v9", which this vmtopo does not know \(it reads v1 and v2\)/);
    expect(problemOf('#v10.abc')).toBe('version');
    expect(problemOf(`#v3.${payload.slice(3)}`)).toBe('version');
  });

  it('says when it is not a share link at all', () => {
    for (const s of ['', '   ', 'http://localhost:5173/', 'http://localhost:5173/#', '#hello', 'v1abc', '#x1.abc', 'pako:abc']) {
      expect(problemOf(s), s).toBe('not-a-link');
    }
    expect(messageOf('http://localhost:5173/')).toMatch(/not a vmtopo share link.*no "#"/);
  });

  it('says when it is truncated', () => {
    expect(problemOf('#v1')).toBe('truncated');
    expect(problemOf('#v1.')).toBe('truncated');
    expect(messageOf(good.slice(0, -20))).toMatch(/truncated.*copy the whole link/);
    for (let cut = 4; cut < payload.length; cut += 7) expect(['truncated', 'garbled'], String(cut)).toContain(problemOf(payload.slice(0, cut)));
  });

  it('names a character that cannot be in a link', () => {
    const bad = `${good.slice(0, 60)}!${good.slice(61)}`;
    expect(problemOf(bad)).toBe('garbled');
    expect(messageOf(bad)).toMatch(/garbled: "!" at character 61/);
    expect(messageOf(`${good.slice(0, 60)}é${good.slice(61)}`)).toMatch(/"é" at character 61/);
  });

  it('says when the compressed data is damaged', () => {
    expect(problemOf('#v1.____________')).toBe('garbled');
    expect(messageOf('#v1.____________')).toMatch(/compressed data is damaged/);
  });

  it('says when the content is not JSON, or not UTF-8', () => {
    expect(messageOf(rawLink('{"c":[[0,'))).toMatch(/not valid JSON/);
    expect(problemOf(`#v1.${deflateRawSync(Buffer.from([0x7b, 0xff, 0xfe, 0x7d])).toString('base64url')}`)).toBe('garbled');
  });

  it('refuses a link longer than the cap before any work', () => {
    const long = `#v1.${'A'.repeat(SHARE_LIMITS.linkChars)}`;
    expect(problemOf(long)).toBe('too-large');
    expect(messageOf(long)).toMatch(/too large \(1000004 characters; at most 1000000\)/);
  });

  it('stops a decompression bomb at the cap', () => {
    const bomb = `#v1.${deflateRawSync(Buffer.alloc(64 * 1024 * 1024, 32), { level: 9 }).toString('base64url')}`;
    expect(bomb.length).toBeLessThan(SHARE_LIMITS.linkChars);
    const start = performance.now();
    expect(messageOf(bomb)).toMatch(/too large: its design inflates past 5242880 bytes/);
    expect(performance.now() - start).toBeLessThan(2000);
  });

  it('refuses hostile JSON with the path of the problem', () => {
    expect(messageOf(rawLink('{"c":[[0,"a",{"s":{"__proto__":{"polluted":1}}}]]}'))).toMatch(/invalid design at \$\.c\[0\]\[2\]\.s: uses the key "__proto__"/);
    expect(messageOf(rawLink('{"__proto__":{"n":"x"}}'))).toMatch(/"__proto__"/);
    expect(messageOf(rawLink('{"c":[[0,"a",{"p":{"constructor":{"prototype":{"x":1}}}}]]}'))).toMatch(/"constructor"/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(messageOf(rawLink('{"c":[[0,"a",1e400,0]]}'))).toMatch(/at \$\.c\[0\]\[2\]: holds a number too large/);
    expect(messageOf(rawLink('{"c":[[0,"a",1.5,0]]}'))).toMatch(/at \$\.components\[0\]\.position: must be whole numbers/);
    expect(messageOf(rawLink(`{"x":[${'['.repeat(100)}${']'.repeat(100)}]}`))).toMatch(/nested deeper than 66 levels/);
    // V8 parses very deep JSON without recursion; whatever happens, only a ShareLinkError comes out.
    expect(['garbled', 'invalid']).toContain(problemOf(rawLink(`${'['.repeat(200_000)}${']'.repeat(200_000)}`)));
  });

  it('refuses a million components, and too many links', () => {
    const million = rawLink(`{"c":[${Array(1_000_000).fill('[0,"a"]').join(',')}]}`);
    expect(problemOf(million)).toBe('too-large');
    const many = rawLink(`{"c":[${Array(SHARE_LIMITS.components + 1).fill('[0,"a"]').join(',')}]}`);
    expect(messageOf(many)).toMatch(/\$\.components: holds 5001 components; a share link may hold at most 5000/);
    const links = rawLink(`{"c":[[0,"a"]],"l":[${Array(SHARE_LIMITS.links + 1).fill('[0,0,{}]').join(',')}]}`);
    expect(messageOf(links)).toMatch(/holds 10001 links; a share link may hold at most 10000/);
  });

  it('opens the costliest allowed link (5,000 components, 10,000 links from one source) in reasonable time', () => {
    const c = ['[0,"a"]', ...Array.from({ length: SHARE_LIMITS.components - 1 }, (_, i) => `[1,"s${i}"]`)];
    const l = [
      ...Array.from({ length: SHARE_LIMITS.components - 1 }, (_, i) => `[0,0,${i + 1}]`),
      ...Array.from({ length: SHARE_LIMITS.links - SHARE_LIMITS.components + 1 }, (_, i) => `[0,0,{"i":"e${i}","e":{}}]`),
    ];
    const start = performance.now();
    expect(decodeShare(rawLink(`{"c":[${c.join(',')}],"l":[${l.join(',')}]}`)).links).toHaveLength(SHARE_LIMITS.links);
    expect(performance.now() - start).toBeLessThan(5000);
  });

  it('gives every component its own spec objects', () => {
    const t = haDesignLocal();
    const back = decodeShare(encodeShare(bigDesign()));
    const [a, b] = back.components.filter((c) => c.kind === 'vmstorage');
    expect(JSON.stringify(a!.spec)).toBe(JSON.stringify(b!.spec));
    (a!.spec.storage as Record<string, unknown>).changed = true;
    expect(b!.spec.storage).not.toHaveProperty('changed');
    expect(t.components[0]!.spec).toEqual(haDesignLocal().components[0]!.spec);
  });

  it('refuses specs copied past the cap', () => {
    const big = `{"k":"${'x'.repeat(1024 * 1024)}"}`;
    const copies = Array(6).fill('[0,"a",{"i":"z","b":1}]').join(',');
    const link = rawLink(`{"c":[[0,"a",{"s":${big}}],${copies}]}`);
    expect(messageOf(link)).toMatch(/copies more than/);
  });

  it('validates the design with the model (structure and links)', () => {
    expect(messageOf(rawLink('{"c":[[42,"a"]]}'))).toMatch(/invalid design at \$\.components\[0\]\.kind: has unknown kind code 42/);
    expect(messageOf(rawLink('{"c":[[0,"a"],[0,"a"]]}'))).toMatch(/invalid design at \$\.components\[1\]\.id: duplicate component id "vmagent-a"/);
    expect(messageOf(rawLink('{"c":[[0,"a"]],"l":[[0,0,"nope"]]}'))).toMatch(/invalid design at \$\.links\[0\]\.target: target "nope" is not a component/);
    expect(messageOf(rawLink('{"c":[[0,"a"],[1,"s"]],"l":[[3,0,1]]}'))).toMatch(/invalid design at \$\.links\[0\]: cannot link: notifier links start at VMAlert/);
    expect(messageOf(rawLink('{"c":[[3,"vmcluster-x",{"i":"p"}]]}'))).toMatch(/\$\.components\[0\]\.cluster: "vmcluster-x" is not a VMCluster/);
    expect(messageOf(rawLink('{"c":[[3,0]]}'))).toMatch(/\$\.components\[0\]\.id: needs an id/);
    expect(messageOf(rawLink('[]'))).toMatch(/invalid design at \$: the design must be a JSON object/);
    expect(messageOf(rawLink('{"n":5}'))).toMatch(/\$\.name: must be a string/);
    expect(messageOf(rawLink('{"c":[[0,"a"]],"l":[[0,0,"x",{"t":"abc"}]]}'))).toMatch(/\$\.links\[0\]\.tenant/);
  });
});

describe('format v2: zones, outage and workloads', () => {
  const rawV2 = (json: string) => rawLink(json).replace('#v1.', '#v2.');
  const described: Topology = {
    ...haDesign(),
    zones: 2,
    outageMinutes: 360,
    components: haDesign().components.map((c) => (c.kind === 'VMAgent' ? { ...c, workload: { activeSeries: 600_000, churnPerDay: 1000 } } : c.kind === 'VMCluster' ? { ...c, workload: { bytesPerSample: 1.5 } } : c)),
  };

  it('carries them through a link', () => {
    expect(decodeShare(shareLink(described))).toEqual(described);
  });

  it('a v1 link opens through the v1 → v2 migration: the defaults, and none of the v2 keys (v1 never wrote them)', () => {
    const t = decodeShare(rawLink('{"c":[[0,"a",{"w":{"activeSeries":5}}]],"z":5,"o":9}'));
    expect(t).toMatchObject({ zones: 3, outageMinutes: 60 });
    expect(t.components[0]!.workload).toBeUndefined();
    expect(decodeShare(rawV2('{"c":[[0,"a",{"w":{"activeSeries":5}}]],"z":5,"o":9}'))).toMatchObject({ zones: 5, outageMinutes: 9, components: [{ workload: { activeSeries: 5 } }] });
  });

  it('refuses bad values with the document path', () => {
    expect(messageOf(rawV2('{"c":[[0,"a"]],"z":0}'))).toBe('this share link holds an invalid design at $.zones: must be between 1 and 64, not 0');
    expect(messageOf(rawV2('{"c":[[0,"a",{"w":{"activeSeries":1.5}}]]}'))).toMatch(/at \$\.components\[0\]\.workload\.activeSeries: must be a whole number/);
    expect(messageOf(rawV2('{"c":[[6,"r",{"w":{"activeSeries":1}}]]}'))).toMatch(/at \$\.components\[0\]\.workload: a VMAlert has no workload inputs/);
  });
});

describe('format v2: notes', () => {
  const rawV2 = (json: string) => rawLink(json).replace('#v1.', '#v2.');
  it('carry text, position and id; derived ids (note, note-2, ...) are left out of the link', () => {
    let t = addNote(haDesign(), { x: 10, y: 20 }, 'prod only ✓').topology;
    t = addNote(t, { x: -3, y: 4 }, 'line one\nline two').topology;
    t = { ...t, notes: [...t.notes!, { id: 'capacity', text: '', position: { x: 0, y: 0 } }] };
    expect(decodeShare(shareLink(t))).toEqual(t);
    expect(decodeShare(rawV2('{"t":[["a",1,2],["b",3,4,"mine"],["c",5,6]]}')).notes).toEqual([
      { id: 'note', text: 'a', position: { x: 1, y: 2 } },
      { id: 'mine', text: 'b', position: { x: 3, y: 4 } },
      { id: 'note-3', text: 'c', position: { x: 5, y: 6 } },
    ]);
  });

  it('a bad note is refused with its path; v1 links never carried notes', () => {
    expect(messageOf(rawV2('{"t":[["a",1]]}'))).toMatch(/\$\.notes\[0\]: must be \[text, x, y\] or \[text, x, y, id\]/);
    expect(messageOf(rawV2('{"t":[[5,1,2]]}'))).toMatch(/at \$\.notes\[0\]\.text: must be a string/);
    expect(decodeShare(rawLink('{"t":[["a",1,2]]}')).notes).toBeUndefined();
  });
});

describe('the seed document’s complete HA design', () => {
  it('fits in 1,000 characters of link', () => {
    const text = readFileSync(new URL('../../fixtures/seed-ha-design.yaml', import.meta.url), 'utf8');
    const { topology } = importManifests(text);
    const placed = { ...topology, components: topology.components.map((c, i) => ({ ...c, position: { x: (i % 4) * 320, y: Math.floor(i / 4) * 220 } })) };
    const link = shareLink(placed);
    expect(link.length).toBeLessThanOrEqual(1000);
    expect(decodeShare(link)).toEqual(placed);
  });
});
