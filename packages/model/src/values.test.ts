import { describe, expect, it } from 'vitest';
import { checkDuration, checkInt, checkIntOrPercent, checkLabels, checkName, checkQuantity, checkRetention, checkShortDuration, formatDuration, parseDuration, parseQuantity } from './values.ts';

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
    expect(checkInt(0)('3')).toBeUndefined();
  });
  it('int-or-percent and labels', () => {
    expect(checkIntOrPercent('50%')).toBeUndefined();
    expect(checkIntOrPercent('150%')).toMatch(/100%/);
    expect(checkLabels({ 'app.kubernetes.io/name': 'x' })).toBeUndefined();
    expect(checkLabels({ 'bad key': 'x' })).toMatch(/invalid label name/);
  });
});
