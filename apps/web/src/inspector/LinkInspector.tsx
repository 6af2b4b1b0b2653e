import { removeLink, setNotifyMode, setTenant, tenantProblem } from '@vmtopo/editor';
import { describe, getComponent, isClusterPart, LINK_LABELS, NOTIFIER_MODES, type Link, type NotifierMode } from '@vmtopo/model';
import { useEditor } from '../hooks/useEditor.ts';
import { useEditorApi } from '../hooks/useEditorApi.ts';
import { InspectorHead } from './InspectorHead.tsx';
import { SelectRow } from './SelectRow.tsx';
import { TextRow } from './TextRow.tsx';

const NOTIFY_LABELS: Record<NotifierMode, string> = {
  selector: 'label selector (every pod)',
  pods: 'per-pod URLs',
  service: 'Service address (one pod per alert)',
};

/** One link: how a notifier addresses the alertmanager, a cluster link's tenant. */
export function LinkInspector({ l }: { l: Link }) {
  const store = useEditorApi();
  const t = useEditor((s) => s.topology);
  const src = getComponent(t, l.source);
  const tgt = getComponent(t, l.target);
  const clusterTarget = tgt && isClusterPart(tgt.kind);
  return (
    <div className="insp">
      <InspectorHead mark="↦" title={`${LINK_LABELS[l.type]} link`}>
        <p>
          {src ? describe(t, src) : l.source} → {tgt ? describe(t, tgt) : 'external'}
        </p>
      </InspectorHead>
      <fieldset className="group">
        <legend>Link</legend>
        {l.type === 'notifier' && (
          <SelectRow
            id="notify"
            label="Address alertmanager by"
            value={l.notify ?? 'selector'}
            options={NOTIFIER_MODES.map((m) => [m, NOTIFY_LABELS[m]])}
            onChange={(v) => setNotifyMode(store, l.id, v as NotifierMode)}
          />
        )}
        {clusterTarget && (
          <TextRow
            id="tenant"
            label="Tenant"
            value={l.tenant ?? ''}
            placeholder="0"
            help="accountID[:projectID]; multitenant for writes"
            check={tenantProblem}
            commit={(text) => setTenant(store, l.id, text)}
          />
        )}
      </fieldset>
      <div className="insp-actions">
        <button type="button" className="danger" onClick={() => removeLink(store, l.id)}>
          Delete link
        </button>
      </div>
    </div>
  );
}
