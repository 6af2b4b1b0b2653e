import { componentTone, whatIfViewOf, type Tone, type WhatIfView } from '@vmtopo/editor';
import type { WhatIfScenario } from '@vmtopo/model';
import { useEditor } from './useEditor.ts';
import { useEditorApi } from './useEditorApi.ts';

export interface WhatIf {
  on: boolean;
  failed: readonly string[];
  /** The outcome of the failed pods, in the mode. */
  outcome?: WhatIfScenario;
  view: WhatIfView;
}

/** The "What if" mode of the editor and the outcome of its failed pods (memoised per design version). */
export function useWhatIf(): WhatIf {
  const store = useEditorApi();
  const view = whatIfViewOf(store);
  const w = useEditor((s) => s.whatif);
  // Outside the mode nothing here reads the design: canvas nodes do not re-render on every edit.
  const t = useEditor((s) => (s.whatif.on ? s.topology : undefined));
  return { on: w.on, failed: w.failed, outcome: t ? view.outcome(t, w.failed) : undefined, view };
}

/** How a component fares in the mode: undefined outside it or when the scenario leaves it as it was. */
export function useWhatIfTone(id: string): Tone | undefined {
  const { outcome } = useWhatIf();
  return outcome && componentTone(outcome, id);
}
