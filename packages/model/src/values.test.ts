import { describe, expect, it } from 'vitest';
import {
  checkDuration,
  checkInt,
  checkIntOrPercent,
  checkKubeLabels,
  checkName,
  checkPromLabels,
  checkQuantity,
  checkRetention,
  checkShortDuration,
  checkSize,
  checkTenant,
  formatDuration,
  parseDuration,
  parseQuantity,
  parseSize,
} from './values.ts';
import { fieldCheck, fieldOf } from './kinds/index.ts';

describe('durations', () => {
  it('compares as durations, not strings', () => {
    expect(parseDuration('60s')).toBe(parseDuration('1m'));
    expect(parseDuration('1m30s')).toBe(90_000);
    expect(parseDuration('500ms')).toBe(500);
    expect(parseDuration('30')).toBeUndefined();
    expect(parseDuration('1x')).toBeUndefined();
  });
  it('formats the shortest way', () => {
    expect(formatDuration(90_000)).toBe('1m30s');
    expect(formatDuration(3_600_000)).toBe('1h');
    expect(formatDuration(1)).toBe('1ms');
  });
  it('checks the operator scrape-interval pattern', () => {
    expect(checkShortDuration('30s')).toBeUndefined();
    expect(checkShortDuration('1d')).toMatch(/ms, s, m or h/);
    expect(checkDuration('1d')).toBeUndefined();
  });
});

describe('values', () => {
  it('names follow RFC 1123 and 63 characters', () => {
    expect(checkName('vmagent-1')).toBeUndefined();
    expect(checkName('Agent')).toMatch(/RFC 1123/);
    expect(checkName('-a')).toMatch(/RFC 1123/);
    expect(checkName('a'.repeat(64))).toMatch(/64 characters.*63/);
    expect(checkName('')).toBe('is required');
  });
  it('quantities', () => {
    expect(parseQuantity('20Gi')).toBe(20 * 1024 ** 3);
    expect(parseQuantity('500m')).toBe(0.5);
    expect(checkQuantity('20GB')).toMatch(/quantity/);
  });
  it('retention refuses minutes', () => {
    expect(checkRetention('1')).toBeUndefined();
    expect(checkRetention('30d')).toBeUndefined();
    expect(checkRetention(4)).toBeUndefined();
    expect(checkRetention('1m')).toMatch(/"m" is not allowed/);
  });
  it('integer ranges', () => {
    expect(checkInt(1)(0)).toBe('must be at least 1');
    expect(checkInt(0, 5)(6)).toBe('must be at most 5');
    expect(checkInt(0)(1.5)).toBe('must be a whole number');
    expect(checkInt(0)('3')).toMatch(/not a quoted string/);
    expect(checkInt(0, undefined, true)('3')).toBeUndefined();
  });
  it('int-or-percent', () => {
    expect(checkIntOrPercent('50%')).toBeUndefined();
    expect(checkIntOrPercent('150%')).toMatch(/100%/);
  });
});

describe('VictoriaMetrics sizes (maxDiskUsagePerURL, remoteWrite[].maxDiskUsage)', () => {
  it('accepts what the operator’s BytesString accepts: bytes, or KB..TB / KiB..TiB', () => {
    expect(parseSize('5GB')).toBe(5e9);
    expect(parseSize('1GiB')).toBe(1024 ** 3);
    expect(parseSize('500mb')).toBe(500e6);
    expect(parseSize('2TiB')).toBe(2 * 1024 ** 4);
    expect(parseSize('1073741824')).toBe(1024 ** 3);
    expect(parseSize(1073741824)).toBe(1024 ** 3);
    for (const ok of ['5GB', '10GB', '1GiB', '500MiB', '100kb', '1KB', '1TB', '1024', 2048]) expect(checkSize(ok), String(ok)).toBeUndefined();
  });
  it('refuses Kubernetes quantities, fractions and odd cases, naming the accepted forms', () => {
    for (const bad of ['1Gi', '500Mi', '1G', '1.5GB', 'GB', '1 GB', '1Gb', '1gib', '-1', -1, 1.5, true]) {
      expect(checkSize(bad), String(bad)).toMatch(/^must be a VictoriaMetrics size: a whole number of bytes, or a whole number with KB, MB, GB, TB .* or KiB, MiB, GiB, TiB/);
    }
    expect(checkSize('1Gi')).toMatch(/Kubernetes units such as Gi and Mi are not accepted \(write 1GiB\)/);
    expect(checkSize('500Mi')).toMatch(/write 500MiB/);
    expect(checkSize('2G')).toMatch(/write 2GB/);
  });
  it('is the check and the default of VMAgent maxDiskUsagePerURL (operator default 1 GiB)', () => {
    const def = fieldOf('VMAgent', 'maxDiskUsagePerURL')!;
    expect(def.type).toBe('size');
    expect(def.default).toBe('1GiB');
    expect(parseSize(def.default)).toBe(1024 ** 3);
    expect(fieldCheck(def)('5GB')).toBeUndefined();
    expect(fieldCheck(def)('1Gi')).toMatch(/VictoriaMetrics size/);
  });
});

describe('labels', () => {
  it('Kubernetes metadata labels: prefixed names, restricted values', () => {
    expect(checkKubeLabels({ 'app.kubernetes.io/name': 'x', team: '' })).toBeUndefined();
    expect(checkKubeLabels({ 'bad key': 'x' })).toMatch(/invalid Kubernetes label name "bad key"/);
    expect(checkKubeLabels({ team: 'obs/scraper' })).toMatch(/invalid Kubernetes label value "obs\/scraper"/);
    expect(checkKubeLabels({ team: 'a'.repeat(64) })).toMatch(/invalid Kubernetes label value/);
    expect(checkKubeLabels(['x'])).toMatch(/map of label names/);
  });
  it('Prometheus labels (externalLabels): names [a-zA-Z_][a-zA-Z0-9_]*, any text as value', () => {
    expect(checkPromLabels({ prometheus: 'obs/scraper', cluster: 'eu west 1 · prod', _x: '' })).toBeUndefined();
    expect(checkPromLabels({ 'app.kubernetes.io/name': 'x' })).toMatch(/invalid Prometheus label name "app\.kubernetes\.io\/name"/);
    expect(checkPromLabels({ '1st': 'x' })).toMatch(/not starting with a digit/);
    expect(checkPromLabels({ 'my-label': 'x' })).toMatch(/invalid Prometheus label name/);
    expect(checkPromLabels({ ok: 1 })).toMatch(/must have a string value/);
  });
  it('externalLabels of VMAgent and VMAlert are checked as Prometheus labels', () => {
    for (const kind of ['VMAgent', 'VMAlert'] as const) {
      const check = fieldCheck(fieldOf(kind, 'externalLabels')!);
      expect(check({ prometheus: 'obs/scraper' })).toBeUndefined();
      expect(check({ 'app.kubernetes.io/name': 'x' })).toMatch(/invalid Prometheus label name/);
    }
  });
});

describe('tenants', () => {
  it('accountID, accountID:projectID or multitenant', () => {
    for (const ok of ['0', '42', '7:1', 'multitenant']) expect(checkTenant(ok)).toBeUndefined();
    for (const bad of ['', 'a', '1:', ':1', '1:2:3', 'Multitenant', 7]) expect(checkTenant(bad)).toBe('must be "<accountID>[:<projectID>]" or "multitenant"');
  });
});
