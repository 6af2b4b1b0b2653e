export type InspectorView = 'settings' | 'explain';

/** The inspector's two views of a component: its settings, and what the operator makes of them. */
export function InspectorTabs({ view, onChange }: { view: InspectorView; onChange: (v: InspectorView) => void }) {
  const tab = (v: InspectorView, label: string) => (
    <button type="button" role="tab" id={`insp-tab-${v}`} aria-selected={view === v} aria-controls={`insp-panel-${v}`} onClick={() => onChange(v)}>
      {label}
    </button>
  );
  return (
    <div className="insp-tabs" role="tablist" aria-label="Inspector views">
      {tab('settings', 'Settings')}
      {tab('explain', 'What the operator creates')}
    </div>
  );
}
