import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useWhatIfTone } from '../../hooks/useWhatIf.ts';
import type { ClusterFlowNode } from '../derive.ts';
import { Badge } from './Badge.tsx';

const sameContent = (a: NodeProps<ClusterFlowNode>, b: NodeProps<ClusterFlowNode>) => a.data === b.data && a.selected === b.selected;

/** A VMCluster: a box holding its vminsert, vmstorage and vmselect, RF on its header. */
export const ClusterNode = memo(function ClusterNode({ data, selected }: NodeProps<ClusterFlowNode>) {
  const rf = data.replicationFactor;
  const tone = useWhatIfTone(data.component.id);
  return (
    <div className={`cluster${selected ? ' selected' : ''}${tone ? ` whatif-${tone}` : ''}`} data-kind="VMCluster" data-whatif={tone}>
      <div className="cluster-head">
        <span className="abbr" aria-hidden>
          CL
        </span>
        <div className="node-titles">
          <div className="cluster-line">
            <span className="node-kind">VMCluster</span>
            <span className="chip chip-strong" aria-label={`replication factor ${rf ?? 'unset'}`}>
              RF {rf ?? '–'}
            </span>
            <span className="chip" aria-label={`${data.storageNodes} storage nodes`} title={`${data.storageNodes} vmstorage nodes`}>
              {data.storageNodes} node{data.storageNodes === 1 ? '' : 's'}
            </span>
            {data.namespace && <span className="chip">ns: {data.namespace}</span>}
          </div>
          <div className="node-name" title={data.name}>
            {data.name}
          </div>
        </div>
        <Badge findings={data.findings} />
      </div>
    </div>
  );
}, sameContent);
