import { Handle, Position, type NodeProps } from '@xyflow/react';
import { hasInput, hasOutput, KIND_ABBR, KIND_ROLE, kindLine, PART_ROLE, podGrid, podsCaption, shardsOf, stepCount, componentTone, togglePod } from '@vmtopo/editor';
import { isExternalKind, replicasOf, type ComponentKind } from '@vmtopo/model';
import { memo, useMemo } from 'react';
import { useEditor } from '../../hooks/useEditor.ts';
import { useEditorApi } from '../../hooks/useEditorApi.ts';
import { useWhatIf } from '../../hooks/useWhatIf.ts';
import { useSizingFigure } from '../../hooks/useSizingFigure.ts';
import type { ComponentFlowNode } from '../derive.ts';
import { Badge } from './Badge.tsx';
import { PodsGrid, type PodsWhatIf } from './PodsGrid.tsx';

/** Kinds whose replica count the node lets you step (VMSingle has exactly one). */
const STEPPABLE = new Set<ComponentKind>(['VMAgent', 'VMAlert', 'VMAlertmanager', 'VMAuth', 'vminsert', 'vmselect', 'vmstorage']);

function Stepper({ noun, value, min, onChange }: { noun: 'replica' | 'shard'; value: number; min: number; onChange: (n: number) => void }) {
  return (
    <div className="stepper nodrag" role="group" aria-label={`${noun}s`}>
      <button type="button" aria-label={`Remove a ${noun}`} disabled={value <= min} onClick={() => onChange(value - 1)}>
        −
      </button>
      <span aria-hidden>
        {value} {noun}
        {value === 1 ? '' : 's'}
      </span>
      <button type="button" aria-label={`Add a ${noun}`} onClick={() => onChange(value + 1)}>
        +
      </button>
    </div>
  );
}

/**
 * Re-renders only when what it shows changes: React Flow also passes the node's position, which
 * changes on every step of a drag but is applied by React Flow's own wrapper, not by this content.
 */
const sameContent = (a: NodeProps<ComponentFlowNode>, b: NodeProps<ComponentFlowNode>) => a.id === b.id && a.data === b.data && a.selected === b.selected;

export const ComponentNode = memo(function ComponentNode({ id, data, selected }: NodeProps<ComponentFlowNode>) {
  const store = useEditorApi();
  const c = data.component;
  const grid = podGrid(c);
  const change = (key: 'replicaCount' | 'shardCount', n: number) => stepCount(store, id, key, n);
  const isPart = c.cluster !== undefined;
  const wi = useWhatIf();
  const t = useEditor((s) => (s.whatif.on ? s.topology : undefined));
  const names = t ? wi.view.podRows(t, id) : undefined;
  const podsWhatIf = useMemo<PodsWhatIf | undefined>(
    () => (names ? { names, failed: new Set(wi.failed), toggle: (pod) => togglePod(store, pod) } : undefined),
    [names, wi.failed, store],
  );
  const sized = useSizingFigure(id);
  const tone = wi.outcome && componentTone(wi.outcome, id);
  const allFailed = names !== undefined && names.flat().length > 0 && names.flat().every((p) => wi.failed.includes(p));
  return (
    <div
      className={`node role-${KIND_ROLE[c.kind]}${selected ? ' selected' : ''}${isPart ? ' part' : ''}${isExternalKind(c.kind) ? ' external' : ''}${tone ? ` whatif-${tone}` : ''}${allFailed ? ' whatif-down' : ''}`}
      data-kind={c.kind}
      data-whatif={tone}
    >
      {hasInput(c.kind) && <Handle type="target" position={Position.Left} id="in" aria-label={`${c.kind} ${data.name} input`} />}
      <div className="node-head">
        <span className="abbr" aria-hidden>
          {KIND_ABBR[c.kind]}
        </span>
        <div className="node-titles">
          {isPart ? (
            <div title={`Service ${c.kind}-${data.name}`}>
              <div className="node-name">{c.kind}</div>
              <div className="node-kind">{PART_ROLE[c.kind as keyof typeof PART_ROLE]}</div>
            </div>
          ) : (
            <>
              <div className="node-kind">{kindLine(c.kind)}</div>
              <div className="node-name" title={data.name}>
                {data.name}
              </div>
            </>
          )}
        </div>
        <Badge findings={data.findings} />
      </div>
      {data.namespace && <div className="node-ns">ns: {data.namespace}</div>}
      {/* A selected part grows its steppers instead: its figure is in the inspector (cluster parts sit at fixed offsets). */}
      {sized && !(selected && isPart) && <div className={`node-sizing${sized.fits ? '' : ' short'}`} title="Sizing of the design's workload (Design summary › Sizing)">{sized.text}</div>}
      {grid && <PodsGrid rows={grid.rows} cols={grid.cols} caption={podsCaption(c)} whatif={podsWhatIf} />}
      {selected && !wi.on && STEPPABLE.has(c.kind) && (
        <div className="steppers">
          {c.kind === 'VMAgent' && (
            <Stepper noun="shard" value={Math.max(shardsOf(c), 1)} min={1} onChange={(n) => change('shardCount', n)} />
          )}
          <Stepper noun="replica" value={replicasOf(c)} min={1} onChange={(n) => change('replicaCount', n)} />
        </div>
      )}
      {hasOutput(c.kind) && <Handle type="source" position={Position.Right} id="out" aria-label={`${c.kind} ${data.name} output`} />}
    </div>
  );
}, sameContent);
