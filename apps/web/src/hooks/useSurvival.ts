import { SURVIVAL_IN_WORKER_COMPONENTS, whatIfViewOf, type EditorStore, type SurvivalReply } from '@vmtopo/editor';
import type { Survival, Topology } from '@vmtopo/model';
import { useEffect, useState } from 'react';
import { useEditorApi } from './useEditorApi.ts';

interface SurvivalWorker {
  worker: Worker;
  next: number;
}

/** One worker per editor, started with its first large design. */
const workers = new WeakMap<EditorStore, SurvivalWorker>();

function workerOf(store: EditorStore): SurvivalWorker {
  let w = workers.get(store);
  if (!w) workers.set(store, (w = { worker: new Worker(new URL('../whatif.worker.ts', import.meta.url), { type: 'module' }), next: 0 }));
  return w;
}

/**
 * What the design survives (any pod, any node, any zone). A small design is analysed right here
 * (memoised per design version); a large one in a worker, so that the answer arrives after the
 * edit instead of holding it up. `current` is false while the answer shown is an earlier design's.
 */
export function useSurvival(t: Topology): { survives: Survival; current: boolean } | undefined {
  const store = useEditorApi();
  const view = whatIfViewOf(store);
  const s = view.structure(t);
  const small = s.components.length < SURVIVAL_IN_WORKER_COMPONENTS;
  const [answer, setAnswer] = useState<{ of: Topology; survives: Survival }>();
  useEffect(() => {
    if (small) return;
    const w = workerOf(store);
    const id = ++w.next;
    const onReply = (e: MessageEvent<SurvivalReply>) => {
      if (e.data.id === id) setAnswer({ of: s, survives: e.data.survives });
    };
    w.worker.addEventListener('message', onReply);
    w.worker.postMessage({ id, topology: s });
    return () => w.worker.removeEventListener('message', onReply);
  }, [store, s, small]);
  if (small) return { survives: view.analysis(s).survives, current: true };
  return answer && { survives: answer.survives, current: answer.of === s };
}
