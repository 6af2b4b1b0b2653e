import { describe, expect, it } from 'vitest';
import { DAY, cpuCores, diskBytes, ingestionRate, quantityFor, queueBytes, retention, retentionCycle, survivorLoad, vmSizeFor } from './formulas.ts';

const GIB = 1024 ** 3;

describe('the documented disk formula (understand-your-setup-size guide)', () => {
  it('reproduces the worked example: 5,000 samples/s, RF 2, one year ≈ 397 GiB', () => {
    // bytesPerSample × ingestionRate × RF × (retentionSeconds + one retention cycle) × 1.25
    //   = 1 × 5,000 × 2 × (365d + 30d = 34,128,000 s) × 1.25 = 426,600,000,000 bytes.
    // The guide divides by 2^30 and calls the result "397 GB": it is 397.3 GiB (426.6 GB decimal).
    // Its 34,128,000 s is 395 days, so its "one month" cycle is 30 days, and its 1 byte per sample
    // leaves out the index (~20% more, which DEFAULT_BYTES_PER_SAMPLE adds).
    const year = retention('1y');
    expect(year.seconds).toBe(365 * DAY);
    expect(year.cycleSeconds).toBe(30 * DAY);
    expect(year.seconds + year.cycleSeconds).toBe(34_128_000);
    const d = diskBytes(1, 5_000, 2, year);
    expect(d.value).toBe(426_600_000_000);
    expect(Math.round(d.value / GIB)).toBe(397);
    expect(d.value / GIB).toBeCloseTo(397.3, 1);
    expect(d.formula).toBe('1 B/sample × 5,000 samples/s × RF 2 × (retention 1y + cycle 30d = 34,128,000 s) × 1.25 free space = 397.3 GiB');
    expect(d.basis).toBe('documented');
  });

  it('reads retentionPeriod as VictoriaMetrics does: a bare number is months of 31 days, y is 365 days; unset is 1 month', () => {
    expect(retention('1')).toMatchObject({ value: '1', set: true, seconds: 31 * DAY, cycleSeconds: 30 * DAY });
    expect(retention('4').seconds).toBe(124 * DAY);
    expect(retention(2).seconds).toBe(62 * DAY);
    expect(retention('2w').seconds).toBe(14 * DAY);
    expect(retention('12h').seconds).toBe(12 * 3600);
    expect(retention(undefined)).toMatchObject({ value: '1', set: false, seconds: 31 * DAY });
  });

  it('takes a day as the retention cycle up to 30 days, a month beyond', () => {
    expect(retentionCycle(30 * DAY)).toBe(DAY);
    expect(retention('30d').cycleSeconds).toBe(DAY);
    expect(retention('31d').cycleSeconds).toBe(30 * DAY);
  });

  it('ingestion rate: active series / scrape interval (the guide: 1000 series at 15s ≈ 66 samples/s)', () => {
    expect(Math.floor(ingestionRate(1000, 15).value)).toBe(66);
    expect(ingestionRate(50_000, 30).value).toBeCloseTo(1666.67, 2);
  });
});

describe('per node and failover', () => {
  it('one of N vmstorage down: each survivor carries 1/(N−1) more — +50% at N=3, +11% at N=10', () => {
    const three = survivorLoad(1000, 3)!;
    expect(three.extraLoad.value).toBe(0.5);
    expect(three.samplesPerSecondPerSurvivor.value).toBe(1500);
    const ten = survivorLoad(900, 10)!;
    expect(ten.extraLoad.value).toBeCloseTo(0.111, 3);
    expect(ten.samplesPerSecondPerSurvivor.value).toBeCloseTo(1000, 6);
    // Two nodes: the survivor carries both shares.
    expect(survivorLoad(1000, 2)!.samplesPerSecondPerSurvivor.value).toBe(2000);
    expect(survivorLoad(1000, 1)).toBeUndefined();
  });
});

describe('CPU guidance', () => {
  it('one core per 100K samples/s, doubled for 50% spare CPU, in whole vCPUs (at least one)', () => {
    expect(cpuCores(0).value).toBe(1);
    expect(cpuCores(50_000).value).toBe(1);
    expect(cpuCores(100_000).value).toBe(2);
    expect(cpuCores(150_000).value).toBe(3);
    expect(cpuCores(150_001).value).toBe(4);
    expect(cpuCores(1).basis).toBe('guidance');
  });
});

describe('queue for an outage', () => {
  it('samples/s × bytes per sample × outage; labelled an estimate', () => {
    const q = queueBytes(1000, 25, 3600);
    expect(q.value).toBe(90_000_000);
    expect(q.basis).toBe('estimate');
    expect(q.source).toMatch(/vmagent\.md §Calculating disk space for persistence queue/);
  });

  it('fix values: whole Gi for claims, VictoriaMetrics sizes (at least the documented 500MiB) for queue limits', () => {
    expect(quantityFor(8.2 * GIB)).toBe('9Gi');
    expect(quantityFor(20 * GIB)).toBe('20Gi');
    expect(quantityFor(1)).toBe('1Gi');
    expect(vmSizeFor(100)).toBe('500MiB');
    expect(vmSizeFor(600 * 1024 ** 2)).toBe('1GiB');
    expect(vmSizeFor(33.5 * GIB)).toBe('34GiB');
  });
});
