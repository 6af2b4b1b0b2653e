import { fieldOf } from '@vmtopo/model';
import { describe, expect, it } from 'vitest';
import { formatValue, parseValue } from './fieldText.ts';

describe('inspector field text', () => {
  it('parses whole numbers and keeps junk for the model to refuse', () => {
    const def = fieldOf('VMAgent', 'replicaCount')!;
    expect(parseValue(def, ' 3 ')).toEqual({ value: 3 });
    expect(parseValue(def, 'three')).toEqual({ value: 'three' });
    expect(parseValue(def, '')).toEqual({ value: undefined });
  });
  it('round-trips labels', () => {
    const def = fieldOf('VMAgent', 'externalLabels')!;
    const parsed = parseValue(def, 'cluster=prod\nregion: eu');
    expect(parsed).toEqual({ value: { cluster: 'prod', region: 'eu' } });
    expect(formatValue(def, { cluster: 'prod' })).toBe('cluster=prod');
    expect('problem' in parseValue(def, 'nonsense')).toBe(true);
  });
});
