import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { Badge } from './Badge.tsx';
import type { ClusterFlowNode } from './derive.ts';

/** A VMCluster: a box holding its vminsert, vmstorage and vmselect, RF on its header. */
export const ClusterNode = memo(function ClusterNode({ data, selected }: NodeProps<ClusterFlowNode>) {
  const rf = data.replicationFactor;
  return (
    <div className={`cluster${selected ? ' selected' : ''}`} data-kind="VMCluster">
      <div className="cluster-head">
        <span className="abbr" aria-hidden>
          CL
        </span>
        <div className="node-titles">
          <div className="node-kind">VMCluster</div>
          <div className="node-name">{data.name}</div>
        </div>
        {data.namespace && <span className="chip">ns: {data.namespace}</span>}
        <span className="chip chip-strong" aria-label={`replication factor ${rf ?? 'unset'}`}>
          RF {rf ?? '–'}
        </span>
        <span className="chip" aria-label={`${data.storageNodes} storage nodes`}>
          {data.storageNodes} storage node{data.storageNodes === 1 ? '' : 's'}
        </span>
        <Badge findings={data.findings} />
      </div>
    </div>
  );
});
