/**
 * A WeakMap of what was computed for one version of a design (or of its links), with the last
 * entry asked kept in front: the checker asks about one version thousands of times in a row, and
 * comparing with the last key costs less than a WeakMap lookup. That entry (its key included) stays
 * alive until another key is asked or set.
 */
export class VersionCache<K extends object, V> {
  private readonly map = new WeakMap<K, V>();
  private lastKey: K | undefined;
  private lastValue: V | undefined;

  get(key: K): V | undefined {
    if (key === this.lastKey) return this.lastValue;
    const value = this.map.get(key);
    if (value !== undefined) this.remember(key, value);
    return value;
  }

  has(key: K): boolean {
    return key === this.lastKey || this.map.has(key);
  }

  set(key: K, value: V): void {
    this.map.set(key, value);
    this.remember(key, value);
  }

  private remember(key: K, value: V): void {
    this.lastKey = key;
    this.lastValue = value;
  }
}
