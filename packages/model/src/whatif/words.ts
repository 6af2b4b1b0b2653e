/** Small wording helpers for the what-if reasons: shares, durations, sizes and pod lists. */

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

const NAMED: Record<string, string> = { '1/2': 'half', '1/3': 'a third', '2/3': 'two thirds', '1/4': 'a quarter', '3/4': 'three quarters', '1/5': 'a fifth', '1/6': 'a sixth', '1/1': 'all' };

/** `num/den` in words: "a third", "2 of 5", "about 7%". */
export function share(num: number, den: number): string {
  if (den <= 0) return 'none';
  const g = gcd(num, den);
  const n = num / g;
  const d = den / g;
  const named = NAMED[`${n}/${d}`];
  if (named) return named;
  if (d <= 10) return `${n} of ${d}`;
  return `about ${Math.max(1, Math.round((100 * num) / den))}%`;
}

/** n choose k, as a float (exact for the small counts of a design). */
export function choose(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return Math.round(r);
}

export function duration(seconds: number): string {
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} min`;
  if (seconds < 48 * 3600) return `${Math.round((seconds / 3600) * 10) / 10} h`;
  return `${Math.round((seconds / 86400) * 10) / 10} days`;
}

const KI = 1024;
export function size(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = bytes;
  let u = 0;
  while (v >= KI && u < units.length - 1) {
    v /= KI;
    u++;
  }
  return `${Math.round(v * 10) / 10} ${units[u]}`;
}

/** "a", "a and b", "a, b and 3 more". */
export function list(items: readonly string[], max = 4): string {
  if (items.length === 0) return 'none';
  if (items.length === 1) return items[0]!;
  if (items.length <= max) return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
  return `${items.slice(0, max - 1).join(', ')} and ${items.length - max + 1} more`;
}

export const plural = (n: number, word: string, many = `${word}s`): string => `${n} ${n === 1 ? word : many}`;
