import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import type { KubeObject } from '@vmtopo/model';
import { objectYaml } from './yaml.ts';
import { misreadByYaml11, portableEmitter } from './yaml-scalars.ts';

const OPTIONS = { lineWidth: 0, aliasDuplicateObjects: false } as const;
const emit = portableEmitter(OPTIONS);

/** Strings YAML 1.1 readers take for something else when they are written plain. */
const TRICKY = ['E0', 'e5', 'yes', 'No', 'ON', 'off', 'y', 'N', 'yEs', 'oFF', '~', 'Null', '2024-01-15', '2001-12-14t21:59:43.10-05:00', '1_000', '0755', '0x1F', '0b101', '1:20', '190:20:30.15', '.inf', '-.Inf', '.NaN', '12e03', '0o17', '=', '<<'];

/** Both readers: the yaml library's 1.1 and 1.2 (core) schemas. */
function readBack(text: string) {
  return { v11: parse(text, { version: '1.1' }) as unknown, v12: parse(text) as unknown };
}

describe('YAML written for 1.1 and 1.2 readers alike', () => {
  it('quotes every string a 1.1 reader would take for a bool, null, number or timestamp, as values and as keys', () => {
    const value = { values: TRICKY, keys: Object.fromEntries(TRICKY.map((s) => [s, s])) };
    const { v11, v12 } = readBack(emit(value));
    expect(v11).toEqual(value);
    expect(v12).toEqual(value);
  });

  it('the plain library output misreads them (what the visitor is for)', () => {
    const { v11 } = readBack(stringify({ values: TRICKY }, OPTIONS));
    expect(v11).not.toEqual({ values: TRICKY });
  });

  it('any string round-trips through both readers (property)', { timeout: 60_000 }, () => {
    const piece = fc.oneof(fc.constantFrom(...TRICKY), fc.string(), fc.stringMatching(/^[-+.0-9:_xXeEoObB]{1,8}$/));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 5 }), (strings) => {
        const value = { list: strings, map: Object.fromEntries(strings.map((s, i) => [s || `k${i}`, s])) };
        const { v11, v12 } = readBack(emit(value));
        expect(v11).toEqual(value);
        expect(v12).toEqual(value);
      }),
      { numRuns: 150 },
    );
  });

  it('leaves ordinary strings, numbers and bools as the library writes them', () => {
    const value = { name: 'vmagent', port: 8429, on: true, version: 'v1.150.0', interval: '30s', ratio: 0.5 };
    expect(emit(value)).toBe(stringify(value, OPTIONS).replace('on:', '"on":'));
    expect(misreadByYaml11('vmagent')).toBe(false);
    expect(misreadByYaml11('30s')).toBe(false);
  });

  it('rendered objects keep their label and annotation strings for 1.1 readers', () => {
    const o: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', labels: { enabled: 'yes', tier: 'off' }, annotations: { since: '2024-01-15', mode: '0755', at: '1:20' } }, data: { ratio: '1_000' } };
    expect(parse(objectYaml(o), { version: '1.1' })).toEqual(o);
  });
});
