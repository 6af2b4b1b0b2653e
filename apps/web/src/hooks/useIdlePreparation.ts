import { useEffect } from 'react';
import { useDerivations } from './useDerivations.ts';
import { useEditorApi } from './useEditorApi.ts';

/**
 * After each change of the design, once the page is idle (or half a second later), the
 * derivations build what the next edit's check needs first and, once, run an edit's derivations
 * (Derivations.prepare): the first field change of a session then pays neither for indexing the
 * findings and the design nor for running that code for the first time. A store
 * subscription, not a render: nothing re-renders for it.
 */
export function useIdlePreparation(): void {
  const store = useEditorApi();
  const d = useDerivations();
  useEffect(() => {
    let idle = 0;
    const schedule = () => {
      cancelIdleCallback(idle);
      idle = requestIdleCallback(() => d.prepare(), { timeout: 500 });
    };
    schedule();
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.topology !== prev.topology) schedule();
    });
    return () => {
      unsubscribe();
      cancelIdleCallback(idle);
    };
  }, [store, d]);
}
