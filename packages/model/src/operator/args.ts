import type { JsonObject } from '../topology.ts';
import type { Arg, Source } from './types.ts';

export const fromField = (key: string, value: unknown): Source => ({ origin: 'field', note: `from ${key}: ${String(value)}` });
export const byDefault = (note = 'operator default'): Source => ({ origin: 'default', note });
export const byRule = (note: string): Source => ({ origin: 'rule', note });

/**
 * The flags of one container, in the order the operator adds them. `extraArgs` come last and
 * replace a derived flag of the same name (the operator's `AddExtraArgsOverrideDefaults`), except
 * the flags it always sets itself (`locked`, e.g. a shard's member number).
 */
export class ArgList {
  private readonly byFlag = new Map<string, Arg>();

  constructor(private readonly dashes: Arg['dashes'] = '-') {}

  set(flag: string, value: string | string[], source: Source): this {
    this.byFlag.set(flag, { flag, dashes: this.dashes, value, source });
    return this;
  }

  has(flag: string): boolean {
    return this.byFlag.has(flag);
  }

  get(flag: string): Arg | undefined {
    return this.byFlag.get(flag);
  }

  /** Adds the user's extraArgs; flags in `locked` keep the operator's value. */
  extra(extraArgs: unknown, locked: readonly string[] = []): this {
    if (typeof extraArgs !== 'object' || extraArgs === null || Array.isArray(extraArgs)) return this;
    for (const [flag, value] of Object.entries(extraArgs as JsonObject)) {
      if (locked.includes(flag)) continue;
      this.set(flag, String(value), { origin: 'field', note: 'from extraArgs' });
    }
    return this;
  }

  list(): Arg[] {
    return [...this.byFlag.values()];
  }
}
