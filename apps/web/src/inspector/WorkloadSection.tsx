import { setWorkloadText, sizingFigureOf, workloadTextProblem } from '@vmtopo/editor';
import { WORKLOAD_FIELDS, type Component } from '@vmtopo/model';
import { useEditor } from '../hooks/useEditor.ts';
import { useEditorApi } from '../hooks/useEditorApi.ts';
import { TextRow } from './TextRow.tsx';

/**
 * The component's workload inputs (a VMAgent's active series and churn, a storage's bytes per
 * sample): what the YAML cannot say and sizing needs. Empty: sizing assumes, and the capacity
 * findings stay quiet. With its sized figure once the design describes a workload (a vmstorage,
 * which has no input of its own, shows just that).
 */
export function WorkloadSection({ c }: { c: Component }) {
  const store = useEditorApi();
  const t = useEditor((s) => s.topology);
  const fields = WORKLOAD_FIELDS[c.kind] ?? [];
  const sized = sizingFigureOf(store, t, c.id);
  if (fields.length === 0 && !sized) return null;
  return (
    <fieldset className="group workload">
      <legend>{fields.length > 0 ? 'Workload' : 'Sizing'}</legend>
      {fields.map((f) => (
        <TextRow
          key={`${c.id}:${f.key}`}
          id={`workload.${f.key}`}
          label={f.label}
          value={c.workload?.[f.key]?.toString() ?? ''}
          placeholder={f.key === 'bytesPerSample' ? '1.2 (documented default)' : f.key === 'activeSeries' ? 'e.g. 600k (unset: not sized)' : 'optional'}
          help={f.help}
          check={(text) => workloadTextProblem(c, f.key, text)}
          commit={(text) => setWorkloadText(store, c.id, f.key, text)}
        />
      ))}
      {sized && <p className={`workload-sized${sized.fits ? '' : ' short'}`}>Sized: {sized.text}</p>}
    </fieldset>
  );
}
