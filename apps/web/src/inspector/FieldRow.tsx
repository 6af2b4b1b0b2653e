import { fieldTextProblem, formatValue, setField, setFieldText, setSpreading } from '@vmtopo/editor';
import { rawField, spreadingOf, type Component, type FieldDef } from '@vmtopo/model';
import { useEditorApi } from '../hooks/useEditorApi.ts';
import { SelectRow } from './SelectRow.tsx';
import { TextRow } from './TextRow.tsx';

/** One field of a component: a select for booleans and spreading, a text box for the rest. */
export function FieldRow({ c, def }: { c: Component; def: FieldDef }) {
  const store = useEditorApi();
  const raw = rawField(c, def);
  if (def.type === 'bool') {
    const dflt = def.default === undefined ? 'unset' : String(def.default);
    return (
      <SelectRow
        id={def.key}
        label={def.label}
        help={def.help}
        value={raw === undefined ? '' : String(raw)}
        options={[
          ['', `default (${dflt})`],
          ['true', 'true'],
          ['false', 'false'],
        ]}
        onChange={(v) => setField(store, c.id, def.key, v === '' ? undefined : v === 'true')}
      />
    );
  }
  if (def.type === 'spread') {
    const cur = spreadingOf(c.spec);
    const opts: [string, string][] = [
      ['none', 'not spread'],
      ['hostname', 'one per node (hostname)'],
      ['zone', 'across zones, then nodes'],
    ];
    if (cur === 'custom') opts.push(['custom', 'custom (imported)']);
    return (
      <SelectRow
        id={def.key}
        label={def.label}
        help={def.help}
        value={cur}
        options={opts}
        onChange={(v) => {
          if (v !== 'custom') setSpreading(store, c.id, v as 'none' | 'hostname' | 'zone');
        }}
      />
    );
  }
  return (
    <TextRow
      id={def.key}
      label={def.label}
      help={def.help}
      multiline={def.type === 'multiline' || def.type === 'labels'}
      value={formatValue(def, raw)}
      placeholder={def.default !== undefined ? String(def.default) : def.type === 'labels' ? 'name=value, one per line' : 'unset'}
      check={(text) => fieldTextProblem(c.kind, def, text)}
      commit={(text) => setFieldText(store, c.id, def, text)}
    />
  );
}
