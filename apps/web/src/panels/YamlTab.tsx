import { loadRenderer } from '@vmtopo/editor';
import { Component, lazy, Suspense, type ReactNode } from 'react';

/**
 * The YAML view with what it stands on: Monaco (several MB) and the renderer (the `yaml` library
 * and the YAML emission). Neither is in the first load; both load when the YAML tab is first
 * opened, and the view shows once both are there.
 */
const YamlView = lazy(async () => {
  const [view] = await Promise.all([
    import('./YamlView.tsx').catch((e: unknown) => {
      throw new Error(`The YAML editor could not be loaded (${(e as Error).message}). Check the connection and reload the page.`);
    }),
    loadRenderer(),
  ]);
  return view;
});

/**
 * A failed load, said in the tab. The way out is a reload (the design is autosaved as the page
 * goes): a browser keeps a module that failed to fetch as failed for as long as the page lives.
 */
class LoadFailure extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="yaml-fallback" role="alert">
        <p>{error.message}</p>
        <button type="button" onClick={() => window.location.reload()}>
          Reload
        </button>
      </div>
    );
  }
}

export function YamlTab() {
  return (
    <LoadFailure>
      <Suspense fallback={<pre className="yaml-fallback" aria-busy="true">Loading YAML…</pre>}>
        <YamlView />
      </Suspense>
    </LoadFailure>
  );
}
