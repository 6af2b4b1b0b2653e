import { useEffect, useRef, useState, type PointerEvent } from 'react';
import { useFindings } from '../hooks/useFindings.ts';
import { useEditor } from '../hooks/useEditor.ts';
import { useYamlExport } from '../hooks/useYamlExport.ts';
import { FindingsPanel } from './FindingsPanel.tsx';
import { FindingsSummary } from './FindingsSummary.tsx';
import { WhatIfPanel } from './WhatIfPanel.tsx';
import { YamlTab } from './YamlTab.tsx';

type Tab = 'findings' | 'yaml' | 'whatif';

/** Findings and YAML, below the canvas; resizable by its top edge, collapsible. */
export function BottomPanel() {
  const [tab, setTab] = useState<Tab>('findings');
  const [open, setOpen] = useState(true);
  const [height, setHeight] = useState(260);
  const findings = useFindings();
  const yaml = useYamlExport();
  const dragging = useRef<{ y: number; h: number } | null>(null);
  const whatIf = useEditor((s) => s.whatif.on);
  // Entering the "What if" mode shows its tab; leaving it goes back to the findings.
  useEffect(() => {
    if (whatIf) {
      setTab('whatif');
      setOpen(true);
      setHeight((h) => Math.max(h, Math.min(360, window.innerHeight - 200)));
    } else setTab((cur) => (cur === 'whatif' ? 'findings' : cur));
  }, [whatIf]);

  const onPointerDown = (e: PointerEvent) => {
    dragging.current = { y: e.clientY, h: height };
    (e.target as HTMLElement).setPointerCapture(e.pointerId);
  };
  const onPointerMove = (e: PointerEvent) => {
    if (!dragging.current) return;
    setHeight(Math.max(120, Math.min(window.innerHeight - 200, dragging.current.h + dragging.current.y - e.clientY)));
  };
  const choose = (t: Tab) => {
    setTab(t);
    setOpen(true);
  };

  return (
    <section className={`dock${open ? '' : ' collapsed'}`} style={open ? { height } : undefined} aria-label={whatIf ? 'Findings, YAML and What if' : 'Findings and YAML'}>
      {open && (
        <div
          className="resize-handle"
          role="separator"
          aria-orientation="horizontal"
          aria-label="Resize panel"
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={() => (dragging.current = null)}
        />
      )}
      <div className="tabs" role="tablist" aria-label="Panels">
        <button type="button" role="tab" aria-selected={tab === 'findings'} aria-controls="panel-findings" id="tab-findings" onClick={() => choose('findings')}>
          Findings <FindingsSummary findings={findings} />
        </button>
        <button type="button" role="tab" aria-selected={tab === 'yaml'} aria-controls="panel-yaml" id="tab-yaml" onClick={() => choose('yaml')}>
          YAML
        </button>
        {whatIf && (
          <button type="button" role="tab" className="tab-whatif" aria-selected={tab === 'whatif'} aria-controls="panel-whatif" id="tab-whatif" onClick={() => choose('whatif')}>
            What if
          </button>
        )}
        <div className="tabs-spacer" />
        {tab === 'yaml' && open && (
          <>
            <button type="button" onClick={() => void yaml.download()}>
              Download
            </button>
            <button type="button" onClick={() => void yaml.copy()}>
              Copy
            </button>
          </>
        )}
        <button type="button" className="ghost" aria-expanded={open} aria-label={open ? 'Collapse panel' : 'Expand panel'} onClick={() => setOpen(!open)}>
          {open ? '▾' : '▴'}
        </button>
      </div>
      {open && (
        <div className="tab-body" role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
          {tab === 'findings' ? <FindingsPanel /> : tab === 'whatif' ? <WhatIfPanel /> : <YamlTab />}
        </div>
      )}
    </section>
  );
}
