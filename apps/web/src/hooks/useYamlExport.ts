import { exportYaml, loadRenderer } from '@vmtopo/editor';
import { useMemo } from 'react';
import { copyText } from '../browser.ts';
import { useDerivations } from './useDerivations.ts';
import { useEditorApi } from './useEditorApi.ts';
import { useHost } from './useHost.ts';

/**
 * The design's YAML out of the page: downloaded (Export YAML, the YAML tab's Download) or copied.
 * The renderer is not in the first load, so the first of these loads it; when it cannot load, a
 * notice says why and nothing else happens.
 */
export function useYamlExport(): { download: () => Promise<void>; copy: () => Promise<void> } {
  const store = useEditorApi();
  const derivations = useDerivations();
  const host = useHost();
  return useMemo(() => {
    const current = async () => {
      try {
        await loadRenderer();
      } catch (e) {
        store.getState().notify((e as Error).message, 'error');
        return null;
      }
      const topology = store.getState().topology;
      return { topology, yaml: derivations.yaml(topology) };
    };
    return {
      download: async () => {
        const r = await current();
        if (r) exportYaml(host, r.topology, r.yaml);
      },
      copy: async () => {
        const r = await current();
        if (!r) return;
        await copyText(r.yaml);
        store.getState().notify('YAML copied to the clipboard.');
      },
    };
  }, [store, derivations, host]);
}
