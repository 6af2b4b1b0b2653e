import { useReactFlow } from '@xyflow/react';
import {
  checkName,
  describe,
  fieldProblem,
  getComponent,
  isClusterPart,
  KINDS,
  LINK_LABELS,
  NOTIFIER_MODES,
  nameOf,
  rawField,
  removeComponents,
  removeLinks,
  spreadingOf,
  updateComponent,
  updateLink,
  withField,
  withSpreading,
  type Component,
  type FieldDef,
  type FieldGroup,
  type Link,
  type NotifierMode,
  type Topology,
} from '@vmtopo/model';
import { useEffect, useId, useRef, useState } from 'react';
import { applyFix, type Finding } from '../core.ts';
import { ExplainSection, InspectorTabs, type InspectorView } from '../inspector/ExplainSection.tsx';
import { KIND_ABBR, KIND_ROLE } from '../kindMeta.ts';
import { podCount, podsCaption } from '../nodes/counts.ts';
import { useEditor, useEditorApi } from '../store/context.tsx';
import { useFindings } from '../store/hooks.ts';
import { formatValue, parseValue } from './fieldText.ts';

const GROUPS: FieldGroup[] = ['General', 'High availability', 'Scraping', 'Storage', 'Alerting', 'Resources'];

/** A labelled input with its validation message under it; only valid values reach `commit`. */
function TextRow(props: {
  id: string;
  label: string;
  value: string;
  placeholder?: string;
  help?: string;
  multiline?: boolean;
  check: (text: string) => string | undefined;
  commit: (text: string) => void;
}) {
  const { id, label, value, placeholder, help, multiline, check, commit } = props;
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | undefined>();
  const inputId = useId();
  const errId = `${inputId}-err`;
  const helpId = `${inputId}-help`;
  // Undo, redo or another edit changed the value under us: show the model's value again.
  const last = useRef(value);
  useEffect(() => {
    if (last.current !== value) {
      last.current = value;
      if (draft !== null && draft.trim() !== value.trim()) {
        setDraft(null);
        setError(undefined);
      }
    }
  }, [value, draft]);
  const onChange = (text: string) => {
    setDraft(text);
    const problem = check(text);
    setError(problem);
    if (!problem) commit(text);
  };
  const common = {
    id: inputId,
    value: draft ?? value,
    placeholder,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? errId : help ? helpId : undefined,
    onBlur: () => {
      if (!error) setDraft(null);
    },
  };
  return (
    <div className={`field${error ? ' invalid' : ''}`} data-field={id}>
      <label htmlFor={inputId}>{label}</label>
      {multiline ? (
        <textarea {...common} rows={3} onChange={(e) => onChange(e.target.value)} spellCheck={false} />
      ) : (
        <input {...common} type="text" onChange={(e) => onChange(e.target.value)} spellCheck={false} autoComplete="off" />
      )}
      {error ? (
        <div className="field-error" id={errId} role="alert">
          {error}
        </div>
      ) : help ? (
        <div className="field-help" id={helpId}>
          {help}
        </div>
      ) : null}
    </div>
  );
}

function SelectRow(props: {
  id: string;
  label: string;
  value: string;
  options: [string, string][];
  help?: string;
  onChange: (v: string) => void;
}) {
  const inputId = useId();
  return (
    <div className="field" data-field={props.id}>
      <label htmlFor={inputId}>{props.label}</label>
      <select id={inputId} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        {props.options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
      {props.help && <div className="field-help">{props.help}</div>}
    </div>
  );
}

function FieldRow({ c, def }: { c: Component; def: FieldDef }) {
  const store = useEditorApi();
  const raw = rawField(c, def);
  const put = (value: unknown) => {
    const s = store.getState();
    s.commit(updateComponent(s.topology, c.id, (x) => withField(x, def.key, value)), { mergeKey: `${c.id}:${def.key}` });
  };
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
        onChange={(v) => put(v === '' ? undefined : v === 'true')}
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
          if (v === 'custom') return;
          const s = store.getState();
          s.commit(updateComponent(s.topology, c.id, (x) => ({ ...x, spec: withSpreading(x.spec, v as 'none' | 'hostname' | 'zone') })));
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
      check={(text) => {
        const p = parseValue(def, text);
        if ('problem' in p) return p.problem;
        return fieldProblem(c.kind, def.key, p.value);
      }}
      commit={(text) => {
        const p = parseValue(def, text);
        if ('value' in p) put(p.value);
      }}
    />
  );
}

function nameTaken(t: Topology, c: Component, name: string, namespace: string | undefined): boolean {
  const ns = namespace ?? t.namespace;
  return t.components.some(
    (o) => o.id !== c.id && !isClusterPart(o.kind) && KINDS[o.kind].crdKind === KINDS[c.kind].crdKind && o.name === name && (o.namespace ?? t.namespace) === ns,
  );
}

function FindingsOf({ findings }: { findings: Finding[] }) {
  const store = useEditorApi();
  if (findings.length === 0) return null;
  return (
    <section className="insp-findings" aria-label="Findings of this component">
      {findings.map((f, i) => (
        <div key={i} className={`insp-finding sev-${f.severity}`}>
          <span className={`sev-dot sev-${f.severity}`} aria-label={f.severity} />
          <span>{f.message}</span>
          {f.fixable && (
            <button
              type="button"
              className="fix"
              onClick={() => {
                const s = store.getState();
                s.commit(applyFix(s.topology, f));
              }}
            >
              {f.fixLabel ?? 'Fix'}
            </button>
          )}
        </div>
      ))}
    </section>
  );
}

function LinkList({ t, c }: { t: Topology; c: Component }) {
  const store = useEditorApi();
  const links = t.links.filter((l) => l.source === c.id || l.target === c.id);
  if (links.length === 0) return null;
  return (
    <fieldset className="group">
      <legend>Links</legend>
      <ul className="link-list">
        {links.map((l) => {
          const out = l.source === c.id;
          const other = getComponent(t, out ? l.target : l.source);
          return (
            <li key={l.id}>
              <span>
                {LINK_LABELS[l.type]} {out ? '→' : '←'} {other ? describe(t, other) : 'external'}
              </span>
              <button
                type="button"
                className="ghost"
                aria-label={`Remove ${LINK_LABELS[l.type]} link ${out ? 'to' : 'from'} ${other ? describe(t, other) : 'external'}`}
                onClick={() => {
                  const s = store.getState();
                  s.commit(removeLinks(s.topology, [l.id]));
                }}
              >
                ×
              </button>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

/** The focus request last acted on: a remount (selecting the component again) does not replay it. */
let handledFocus = -1;

function ComponentInspector({ c, view, setView }: { c: Component; view: InspectorView; setView: (v: InspectorView) => void }) {
  const store = useEditorApi();
  const t = useEditor((s) => s.topology);
  const focus = useEditor((s) => s.focus);
  const findings = useFindings().filter((f) => f.componentIds.includes(c.id));
  const root = useRef<HTMLDivElement>(null);
  const info = KINDS[c.kind];
  const part = isClusterPart(c.kind);

  useEffect(() => {
    if (!focus || focus.id !== c.id || !root.current || handledFocus === focus.nonce) return;
    // A finding points at a field: show the settings first (the effect runs again once they are).
    if (focus.field && view !== 'settings') return setView('settings');
    handledFocus = focus.nonce;
    const el = focus.field ? root.current.querySelector<HTMLElement>(`[data-field="${CSS.escape(focus.field)}"]`) : null;
    const target = el ?? root.current;
    target.scrollIntoView({ block: 'center', behavior: 'smooth' });
    if (el) {
      el.classList.remove('flash');
      void el.offsetWidth;
      el.classList.add('flash');
      el.querySelector<HTMLElement>('input, select, textarea')?.focus({ preventScroll: true });
    }
  }, [focus, c.id, view, setView]);

  const byGroup = new Map<FieldGroup, FieldDef[]>();
  for (const f of info.fields) byGroup.set(f.group, [...(byGroup.get(f.group) ?? []), f]);

  return (
    <div className="insp" ref={root}>
      <header className={`insp-head role-${KIND_ROLE[c.kind]}`}>
        <span className="abbr" aria-hidden>
          {KIND_ABBR[c.kind]}
        </span>
        <div>
          <h2>{part ? `${c.kind} of ${nameOf(t, c)}` : `${c.kind} ${c.name ?? ''}`}</h2>
          <p>{info.summary}</p>
          {c.kind !== 'VMCluster' && <p className="insp-pods">{podsCaption(c)}</p>}
        </div>
      </header>
      <InspectorTabs view={view} onChange={setView} />
      <FindingsOf findings={findings} />
      {view === 'explain' ? (
        <ExplainSection t={t} c={c} />
      ) : (
        <div id="insp-panel-settings" role="tabpanel" aria-labelledby="insp-tab-settings">
          {!part && (
            <fieldset className="group">
              <legend>Identity</legend>
              <TextRow
                id="name"
                label="Name"
                value={c.name ?? ''}
                help="CR name; workloads are named after it"
                check={(text) => {
                  const m = checkName(text.trim());
                  if (m) return `Name ${m}`;
                  if (nameTaken(t, c, text.trim(), c.namespace)) return `another ${KINDS[c.kind].crdKind} in this namespace is already named "${text.trim()}"`;
                  return undefined;
                }}
                commit={(text) => {
                  const s = store.getState();
                  s.commit(updateComponent(s.topology, c.id, (x) => ({ ...x, name: text.trim() })), { mergeKey: `${c.id}:name` });
                }}
              />
              <TextRow
                id="namespace"
                label="Namespace"
                value={c.namespace ?? ''}
                placeholder={t.namespace}
                help="Empty: the design’s namespace"
                check={(text) => {
                  if (text.trim() === '') return undefined;
                  const m = checkName(text.trim());
                  if (m) return `Namespace ${m}`;
                  if (nameTaken(t, c, c.name ?? '', text.trim())) return `another ${KINDS[c.kind].crdKind} named "${c.name}" is already in namespace "${text.trim()}"`;
                  return undefined;
                }}
                commit={(text) => {
                  const s = store.getState();
                  const ns = text.trim() || undefined;
                  s.commit(
                    updateComponent(s.topology, c.id, (x) => {
                      const { namespace: _n, ...rest } = x;
                      return ns ? { ...rest, namespace: ns } : rest;
                    }),
                    { mergeKey: `${c.id}:namespace` },
                  );
                }}
              />
            </fieldset>
          )}
          {GROUPS.filter((g) => byGroup.has(g)).map((g) => (
            <fieldset className="group" key={g}>
              <legend>{g}</legend>
              {byGroup.get(g)!.map((def) => (
                <FieldRow key={`${c.id}:${def.key}`} c={c} def={def} />
              ))}
            </fieldset>
          ))}
          <LinkList t={t} c={c} />
          <div className="insp-actions">
            <button
              type="button"
              className="danger"
              onClick={() => {
                const s = store.getState();
                s.commit(removeComponents(s.topology, [c.id]), { select: {} });
              }}
            >
              Delete {part ? c.kind : c.kind === 'VMCluster' ? 'cluster and its parts' : c.kind}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}

const TENANT_RE = /^(\d+(:\d+)?|multitenant)$/;

function LinkInspector({ l }: { l: Link }) {
  const store = useEditorApi();
  const t = useEditor((s) => s.topology);
  const src = getComponent(t, l.source);
  const tgt = getComponent(t, l.target);
  const clusterTarget = tgt && isClusterPart(tgt.kind);
  const put = (f: (x: Link) => Link, mergeKey?: string) => {
    const s = store.getState();
    s.commit(updateLink(s.topology, l.id, f), { mergeKey });
  };
  return (
    <div className="insp">
      <header className="insp-head">
        <span className="abbr" aria-hidden>
          ↦
        </span>
        <div>
          <h2>{LINK_LABELS[l.type]} link</h2>
          <p>
            {src ? describe(t, src) : l.source} → {tgt ? describe(t, tgt) : 'external'}
          </p>
        </div>
      </header>
      <fieldset className="group">
        <legend>Link</legend>
        {l.type === 'notifier' && (
          <SelectRow
            id="notify"
            label="Address alertmanager by"
            value={l.notify ?? 'selector'}
            options={NOTIFIER_MODES.map((m) => [m, m === 'selector' ? 'label selector (every pod)' : m === 'pods' ? 'per-pod URLs' : 'Service address (one pod per alert)'])}
            onChange={(v) => put((x) => ({ ...x, notify: v as NotifierMode }))}
          />
        )}
        {clusterTarget && (
          <TextRow
            id="tenant"
            label="Tenant"
            value={l.tenant ?? ''}
            placeholder="0"
            help="accountID[:projectID]; multitenant for writes"
            check={(text) => (text.trim() === '' || TENANT_RE.test(text.trim()) ? undefined : 'must be "<accountID>[:<projectID>]" or "multitenant"')}
            commit={(text) =>
              put((x) => {
                const { tenant: _t, ...rest } = x;
                return text.trim() ? { ...rest, tenant: text.trim() } : rest;
              }, `${l.id}:tenant`)
            }
          />
        )}
      </fieldset>
      <div className="insp-actions">
        <button
          type="button"
          className="danger"
          onClick={() => {
            const s = store.getState();
            s.commit(removeLinks(s.topology, [l.id]), { select: {} });
          }}
        >
          Delete link
        </button>
      </div>
    </div>
  );
}

function DesignSummary() {
  const store = useEditorApi();
  const t = useEditor((s) => s.topology);
  const findings = useFindings();
  const pods = t.components.reduce((n, c) => n + podCount(c), 0);
  const namespaces = new Set(t.components.map((c) => c.namespace ?? t.namespace));
  const kinds = new Map<string, number>();
  for (const c of t.components) kinds.set(c.kind, (kinds.get(c.kind) ?? 0) + 1);
  const sev = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
  return (
    <div className="insp">
      <header className="insp-head">
        <span className="abbr" aria-hidden>
          ◎
        </span>
        <div>
          <h2>Design</h2>
          <p>Select a component or a link to edit it.</p>
        </div>
      </header>
      <fieldset className="group">
        <legend>Design</legend>
        <TextRow
          id="design-name"
          label="Design name"
          value={t.name}
          help="Also the name of the downloaded YAML"
          check={(text) => {
            const m = checkName(text.trim());
            return m ? `Name ${m}` : undefined;
          }}
          commit={(text) => {
            const s = store.getState();
            s.commit({ ...s.topology, name: text.trim() }, { mergeKey: 'design:name' });
          }}
        />
        <TextRow
          id="design-namespace"
          label="Namespace"
          value={t.namespace}
          help="Of every component that sets none"
          check={(text) => {
            const m = checkName(text.trim());
            return m ? `Namespace ${m}` : undefined;
          }}
          commit={(text) => {
            const s = store.getState();
            s.commit({ ...s.topology, namespace: text.trim() }, { mergeKey: 'design:namespace' });
          }}
        />
      </fieldset>
      <fieldset className="group">
        <legend>Summary</legend>
        <dl className="summary">
          <dt>Components</dt>
          <dd>{t.components.length}</dd>
          <dt>Pods</dt>
          <dd>{pods}</dd>
          <dt>Links</dt>
          <dd>{t.links.length}</dd>
          <dt>Namespaces</dt>
          <dd>{[...namespaces].join(', ') || t.namespace}</dd>
          <dt>Findings</dt>
          <dd>
            {sev('error')} errors · {sev('warning')} warnings · {sev('info')} info
          </dd>
          {[...kinds].map(([k, n]) => (
            <div key={k} className="summary-kind">
              <dt>{k}</dt>
              <dd>{n}</dd>
            </div>
          ))}
        </dl>
      </fieldset>
    </div>
  );
}

export function Inspector() {
  const sel = useEditor((s) => s.selection);
  const t = useEditor((s) => s.topology);
  const store = useEditorApi();
  const rf = useReactFlow();
  const [view, setView] = useState<InspectorView>('settings');
  let body;
  if (sel.nodes.length === 1) {
    const c = getComponent(t, sel.nodes[0]);
    body = c ? <ComponentInspector key={c.id} c={c} view={view} setView={setView} /> : <DesignSummary />;
  } else if (sel.nodes.length > 1 || sel.edges.length > 1) {
    body = (
      <div className="insp">
        <header className="insp-head">
          <span className="abbr" aria-hidden>
            ⧉
          </span>
          <div>
            <h2>
              {sel.nodes.length} components, {sel.edges.length} links selected
            </h2>
            <p>Ctrl+C copies them, Delete removes them.</p>
          </div>
        </header>
        <div className="insp-actions">
          <button type="button" onClick={() => void rf.fitView({ nodes: sel.nodes.map((id) => ({ id })), duration: 250, padding: 0.3 })}>
            Zoom to selection
          </button>
          <button
            type="button"
            className="danger"
            onClick={() => {
              const s = store.getState();
              s.commit(removeComponents(removeLinks(s.topology, sel.edges), sel.nodes), { select: {} });
            }}
          >
            Delete selection
          </button>
        </div>
      </div>
    );
  } else if (sel.edges.length === 1) {
    const l = t.links.find((x) => x.id === sel.edges[0]);
    body = l ? <LinkInspector key={l.id} l={l} /> : <DesignSummary />;
  } else body = <DesignSummary />;
  return (
    <aside className="inspector" aria-label="Inspector">
      {body}
    </aside>
  );
}
