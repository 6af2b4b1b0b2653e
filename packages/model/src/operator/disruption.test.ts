import { describe, expect, test } from 'vitest';
import { podsAllowedDown } from './disruption.ts';

describe('podsAllowedDown: pods a PodDisruptionBudget lets go at once', () => {
  test('no budget (or one setting neither field): every pod', () => {
    expect(podsAllowedDown(undefined, 3)).toBe(3);
    expect(podsAllowedDown({}, 3)).toBe(3);
    expect(podsAllowedDown({ unhealthyPodEvictionPolicy: 'AlwaysAllow' }, 5)).toBe(5);
  });
  test('maxUnavailable: an int as is, at most every pod', () => {
    expect(podsAllowedDown({ maxUnavailable: 1 }, 3)).toBe(1);
    expect(podsAllowedDown({ maxUnavailable: '2' }, 3)).toBe(2);
    expect(podsAllowedDown({ maxUnavailable: 5 }, 3)).toBe(3);
    expect(podsAllowedDown({ maxUnavailable: 0 }, 3)).toBe(0);
  });
  test('maxUnavailable: a percentage of the replicas rounded UP', () => {
    expect(podsAllowedDown({ maxUnavailable: '50%' }, 3)).toBe(2); // 1.5 → 2
    expect(podsAllowedDown({ maxUnavailable: '10%' }, 3)).toBe(1); // 0.3 → 1
    expect(podsAllowedDown({ maxUnavailable: '33%' }, 3)).toBe(1); // 0.99 → 1
    expect(podsAllowedDown({ maxUnavailable: '34%' }, 3)).toBe(2); // 1.02 → 2
    expect(podsAllowedDown({ maxUnavailable: '0%' }, 3)).toBe(0);
    expect(podsAllowedDown({ maxUnavailable: '100%' }, 4)).toBe(4);
  });
  test('minAvailable: replicas minus it, never below 0', () => {
    expect(podsAllowedDown({ minAvailable: 2 }, 3)).toBe(1);
    expect(podsAllowedDown({ minAvailable: '1' }, 5)).toBe(4);
    expect(podsAllowedDown({ minAvailable: 4 }, 3)).toBe(0);
  });
  test('minAvailable: a percentage rounded UP pods stay, the rest may go', () => {
    expect(podsAllowedDown({ minAvailable: '50%' }, 3)).toBe(1); // ceil(1.5) = 2 stay
    expect(podsAllowedDown({ minAvailable: '50%' }, 4)).toBe(2);
    expect(podsAllowedDown({ minAvailable: '34%' }, 3)).toBe(1); // ceil(1.02) = 2 stay
    expect(podsAllowedDown({ minAvailable: '100%' }, 3)).toBe(0);
    expect(podsAllowedDown({ minAvailable: '0%' }, 3)).toBe(3);
  });
  test('no pods, nothing to take down', () => {
    expect(podsAllowedDown({ maxUnavailable: 1 }, 0)).toBe(0);
    expect(podsAllowedDown({ minAvailable: '50%' }, 0)).toBe(0);
  });
  test('an unreadable value counts as unset', () => {
    expect(podsAllowedDown({ maxUnavailable: 'half' }, 3)).toBe(3);
    expect(podsAllowedDown({ maxUnavailable: 'half', minAvailable: 2 }, 3)).toBe(1);
    expect(podsAllowedDown({ minAvailable: -1 }, 3)).toBe(3);
  });
});
