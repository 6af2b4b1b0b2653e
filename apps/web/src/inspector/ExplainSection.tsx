/**
 * "What the operator creates": the inspector's view of the operator model for one component —
 * workloads and their pods, the flags the operator derives (with where each comes from),
 * Services, PodDisruptionBudgets, claims and notes. Only renders `planOf()`; every operator fact
 * comes from @vmtopo/model.
 */
import {
  ASSUMPTIONS,
  isExternalKind,
  OPERATOR_VERSION,
  partsOf,
  planOf,
  type Arg,
  type Component,
  type ComponentPlan,
  type Source,
  type Topology,
  type Workload,
  type WorkloadVolume,
} from '@vmtopo/model';
import { KIND_ABBR, KIND_ROLE, plural } from '@vmtopo/editor';
import { useEditorApi } from '../hooks/useEditorApi.ts';

const ORIGIN: Record<Source['origin'], { label: string; title: string }> = {
  field: { label: 'field', title: 'A value set in the design' },
  default: { label: 'default', title: 'The operator’s (or the binary’s) default' },
  rule: { label: 'rule', title: 'Derived by the operator from other values' },
};

function OriginTag({ origin }: { origin: Source['origin'] }) {
  return (
    <span className={`xp-origin origin-${origin}`} title={ORIGIN[origin].title}>
      {ORIGIN[origin].label}
    </span>
  );
}

/** Lists longer than this are folded (a -storageNode list of 10 pods, 5 alertmanager peers). */
const FOLD_AT = 3;

/**
 * Text that wraps after `.`, `/`, `,`, `=` and `:` (DNS names, URLs, lists) rather than at a
 * hyphen inside a pod name; a piece longer than the line still wraps inside itself.
 */
function Breakable({ text }: { text: string }) {
  const pieces = text.split(/(?<=[./,=:])(?=.)/);
  return (
    <>
      {pieces.map((p, i) => (
        <span key={i} className="xp-seg">
          {p}
        </span>
      ))}
    </>
  );
}

/** A list value, one entry per line (each but the last keeps its comma, so the text is the flag as passed). */
function Entries({ entries, sep }: { entries: string[]; sep: string }) {
  return (
    <span className="xp-entries">
      {entries.map((e, i) => (
        <span key={i} className="xp-entry">
          <Breakable text={`${e}${i < entries.length - 1 ? sep : ''}`} />
        </span>
      ))}
    </span>
  );
}

/** `-flag=value`: commas may break the line; long lists fold into a disclosure. */
function FlagText({ arg }: { arg: Arg }) {
  if (Array.isArray(arg.value)) {
    // A flag the operator repeats: one `-flag=value` per entry.
    const lines = arg.value.map((v, i) => (
      <code key={i} className="xp-flag-text">
        <Breakable text={`${arg.dashes}${arg.flag}=${v}`} />
      </code>
    ));
    if (arg.value.length <= FOLD_AT) return <div className="xp-flag-lines">{lines}</div>;
    return (
      <details className="xp-fold">
        <summary>
          <code>{arg.dashes}{arg.flag}=…</code> <span className="xp-count">× {arg.value.length}</span>
        </summary>
        <div className="xp-flag-lines">{lines}</div>
      </details>
    );
  }
  const parts = arg.value.split(',');
  if (parts.length <= FOLD_AT)
    return (
      <code className="xp-flag-text">
        <Breakable text={`${arg.dashes}${arg.flag}=${arg.value}`} />
      </code>
    );
  return (
    <details className="xp-fold">
      <summary>
        <code>{arg.dashes}{arg.flag}=</code> <span className="xp-count">{parts.length} entries</span>
      </summary>
      <code className="xp-flag-text">
        <Entries entries={parts} sep="," />
      </code>
    </details>
  );
}

function FlagRow({ arg, who }: { arg: Arg; who?: string }) {
  return (
    <li className={`xp-flag origin-${arg.source.origin}`} data-flag={arg.flag} data-origin={arg.source.origin}>
      <FlagText arg={arg} />
      <div className="xp-src">
        <OriginTag origin={arg.source.origin} />
        {who && !arg.source.note.includes(who) && <span className="xp-who">{who}</span>}
        <span className="xp-note">{arg.source.note}</span>
      </div>
    </li>
  );
}

const sameArg = (a: Arg | undefined, b: Arg | undefined) => !!a && !!b && JSON.stringify(a) === JSON.stringify(b);
const workloadLabel = (w: Workload) => (w.shard !== undefined ? `shard ${w.shard}` : w.name);

/** The workloads' flags: one row for a flag every workload passes alike, else one row per workload. */
function Flags({ workloads }: { workloads: Workload[] }) {
  const order: string[] = [];
  for (const w of workloads) for (const a of w.args) if (!order.includes(a.flag)) order.push(a.flag);
  if (order.length === 0) return null;
  const many = workloads.length > 1;
  return (
    <div className="xp-block">
      <h3>
        Flags{' '}
        <span className="xp-h-note">{many ? `of every ${workloads[0]!.shard !== undefined ? 'shard' : 'workload'} unless marked` : `of ${workloads[0]!.name}`}</span>
      </h3>
      <ul className="xp-flags">
        {order.flatMap((flag) => {
          const args = workloads.map((w) => w.args.find((a) => a.flag === flag));
          if (args.every((a) => sameArg(a, args[0]))) return [<FlagRow key={flag} arg={args[0]!} />];
          return workloads.flatMap((w, i) => (args[i] ? [<FlagRow key={`${flag}:${w.name}`} arg={args[i]!} who={workloadLabel(w)} />] : []));
        })}
      </ul>
    </div>
  );
}

/** Pod names as chips, folded when there are many. */
function Pods({ w }: { w: Workload }) {
  if (w.podNames === 'per-node') return <p className="xp-line xp-muted">One pod per Kubernetes node (names generated).</p>;
  const chips = (names: string[]) => (
    <span className="xp-chips">
      {names.map((p) => (
        <code key={p} className="xp-chip">
          {p}
        </code>
      ))}
    </span>
  );
  const shown = w.pods.length > 6 ? w.pods.slice(0, 4) : w.pods;
  return (
    <div className="xp-pods">
      {chips(shown)}
      {shown.length < w.pods.length && (
        <details className="xp-fold">
          <summary>
            <span className="xp-count">{w.pods.length - shown.length} more</span>
          </summary>
          {chips(w.pods.slice(shown.length))}
        </details>
      )}
    </div>
  );
}

function WorkloadCard({ w }: { w: Workload }) {
  const labels = Object.entries(w.selectorLabels);
  return (
    <li className="xp-item" data-workload={w.name}>
      <div className="xp-item-head">
        <span className="xp-kind">{w.kind}</span>
        <code className="xp-name">{w.name}</code>
      </div>
      <div className="xp-meta">
        {w.shard !== undefined && <span className="xp-pill">shard {w.shard} · member {w.shard}</span>}
        <span>{w.podNames === 'per-node' ? 'DaemonSet' : plural(w.replicas, 'pod')}</span>
      </div>
      <Pods w={w} />
      {labels.length > 0 && (
        <details className="xp-fold xp-labels">
          <summary>
            <span className="xp-count">Selector labels ({labels.length})</span>
          </summary>
          <ul>
            {labels.map(([k, v]) => (
              <li key={k}>
                <code>
                  {k}={v}
                </code>
              </li>
            ))}
          </ul>
        </details>
      )}
    </li>
  );
}

function Services({ plan }: { plan: ComponentPlan }) {
  if (plan.services.length === 0) return null;
  return (
    <div className="xp-block">
      <h3>Services</h3>
      <ul className="xp-list">
        {plan.services.map((s) => (
          <li key={s.name} className="xp-item" data-service={s.name}>
            <div className="xp-item-head">
              <span className="xp-kind">Service</span>
              <code className="xp-name">{s.name}</code>
              {s.headless && (
                <span className="xp-pill" title="clusterIP: None — DNS names every pod, <pod>.<service>.<namespace>">
                  headless
                </span>
              )}
            </div>
            <div className="xp-chips xp-ports" aria-label="Ports">
              {s.ports.map((p) => (
                <span key={`${p.name}:${p.port}`} className="xp-chip xp-port">
                  <span className="xp-muted">{p.name}</span> <code>{p.port}</code>
                  {p.protocol === 'UDP' ? <span className="xp-muted">/udp</span> : null}
                </span>
              ))}
            </div>
            {s.note && <p className="xp-line xp-muted">{s.note}</p>}
          </li>
        ))}
      </ul>
    </div>
  );
}

function Pdbs({ plan }: { plan: ComponentPlan }) {
  if (plan.pdbs.length === 0) return null;
  return (
    <div className="xp-block">
      <h3>PodDisruptionBudgets</h3>
      <ul className="xp-list">
        {plan.pdbs.map((d) => (
          <li key={d.name} className="xp-item" data-pdb={d.name}>
            <div className="xp-item-head">
              <span className="xp-kind">PDB</span>
              <code className="xp-name">{d.name}</code>
            </div>
            <p className="xp-line">
              {d.maxUnavailable !== undefined ? `maxUnavailable: ${d.maxUnavailable}` : `minAvailable: ${d.minAvailable}`} — allows{' '}
              <strong>{plural(d.allowedDown, 'pod')}</strong> down at once
              {d.workload !== d.name ? ` (of ${d.workload})` : ''}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}

const HOLDS: Record<WorkloadVolume['holds'], string> = { data: 'Data', queue: 'Remote-write queue', cache: 'Cache' };

function Storage({ plan }: { plan: ComponentPlan }) {
  // Ephemeral volumes of the workloads (one line per path: every shard has the same one).
  const ephemeral = new Map<string, WorkloadVolume>();
  for (const w of plan.workloads) for (const v of w.volumes) if (v.persistence === 'emptyDir') ephemeral.set(`${v.holds}:${v.mountPath}`, v);
  if (plan.pvcs.length === 0 && ephemeral.size === 0) return null;
  return (
    <div className="xp-block">
      <h3>Volumes</h3>
      <ul className="xp-list">
        {plan.pvcs.map((p, i) => (
          <li key={`pvc-${i}`} className="xp-item" data-pvc={p.holds}>
            <div className="xp-item-head">
              <span className="xp-kind">{p.names.length === 1 ? 'PVC' : 'PVCs'}</span>
              <span>
                {HOLDS[p.holds]}
                {p.size ? (
                  <>
                    {' · '}
                    <strong>{p.size}</strong>
                    {p.names.length > 1 ? ' each' : ''}
                  </>
                ) : null}
              </span>
            </div>
            <ul className="xp-names">
              {p.names.map((n) => (
                <li key={n}>
                  <code>{n}</code>
                </li>
              ))}
            </ul>
          </li>
        ))}
        {[...ephemeral.values()].map((v) => (
          <li key={`tmp-${v.mountPath}`} className="xp-item xp-ephemeral" data-volume={v.holds}>
            <div className="xp-item-head">
              <span className="xp-kind">emptyDir</span>
              <span>{HOLDS[v.holds]}</span>
            </div>
            <p className="xp-line">
              <code>{v.mountPath}</code> — <strong>lost on reschedule</strong>
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}

function PlanView({ plan, empty }: { plan: ComponentPlan; empty: string }) {
  const nothing = plan.workloads.length + plan.services.length + plan.pdbs.length + plan.pvcs.length === 0;
  return (
    <>
      {nothing && <p className="xp-line xp-muted xp-empty">{empty}</p>}
      {plan.workloads.length > 0 && (
        <div className="xp-block">
          <h3>{plan.workloads.length > 1 ? `Workloads (${plan.workloads.length})` : 'Workload'}</h3>
          <ul className="xp-list">
            {plan.workloads.map((w) => (
              <WorkloadCard key={w.name} w={w} />
            ))}
          </ul>
          {plan.workloads.some((w) => w.podNames === 'generated') && (
            <p className="xp-line xp-muted xp-aside">
              Deployment pods get generated names (<code>{plan.workloads.length > 1 ? '<workload>' : plan.workloads[0]!.name}-&lt;hash&gt;</code>); they are shown by ordinal.
            </p>
          )}
        </div>
      )}
      <Flags workloads={plan.workloads} />
      <Services plan={plan} />
      <Pdbs plan={plan} />
      <Storage plan={plan} />
      {plan.notes.length > 0 && (
        <div className="xp-block">
          <h3>Notes</h3>
          <ul className="xp-notes">
            {plan.notes.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}

/** A VMCluster: its three parts in one line each, with a way to open each part's full plan. */
function ClusterParts({ t, c }: { t: Topology; c: Component }) {
  const store = useEditorApi();
  const parts = partsOf(t, c.id);
  const list = (['vminsert', 'vmselect', 'vmstorage'] as const).flatMap((k) => (parts[k] ? [parts[k]] : []));
  if (list.length === 0) return null;
  return (
    <div className="xp-block">
      <h3>
        Parts <span className="xp-h-note">select one for its flags</span>
      </h3>
      <ul className="xp-list">
        {list.map((p) => {
          const plan = planOf(t, p);
          const pods = plan.workloads.reduce((n, w) => n + w.replicas, 0);
          return (
            <li key={p.id} className="xp-item xp-part" data-part={p.kind}>
              <div className="xp-item-head">
                <span className={`abbr xp-abbr role-${KIND_ROLE[p.kind]}`} aria-hidden>
                  {KIND_ABBR[p.kind]}
                </span>
                <strong>{p.kind}</strong>
                <button type="button" className="xp-open" aria-label={`Show what the operator creates for ${p.kind}`} onClick={() => store.getState().select({ nodes: [p.id], edges: [] })}>
                  Show →
                </button>
              </div>
              {plan.workloads.map((w) => (
                <p key={w.name} className="xp-line">
                  {w.kind} <code>{w.name}</code> · {plural(pods, 'pod')}
                </p>
              ))}
              {plan.services.map((s) => (
                <p key={s.name} className="xp-line xp-muted">
                  Service <code>{s.name}</code>
                  {s.headless ? ' (headless)' : ''} · {s.ports.map((x) => x.port).join(', ')}
                </p>
              ))}
              {plan.pvcs.map((v, i) => (
                <p key={i} className="xp-line xp-muted">
                  {plural(v.names.length, 'claim')}
                  {v.size ? ` of ${v.size}` : ''} ({v.holds})
                </p>
              ))}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

export function ExplainSection({ t, c }: { t: Topology; c: Component }) {
  const plan = planOf(t, c);
  const cluster = c.kind === 'VMCluster';
  return (
    <section className="explain" id="insp-panel-explain" role="tabpanel" aria-labelledby="insp-tab-explain" aria-label="What the operator creates">
      {cluster && <ClusterParts t={t} c={c} />}
      {cluster && (plan.workloads.length > 0 || plan.services.length > 0) && <h3 className="xp-divider">The VMCluster’s own objects</h3>}
      <PlanView plan={plan} empty={cluster ? 'Nothing besides its parts: no requests load balancer is enabled.' : isExternalKind(c.kind) ? `${c.kind} is outside the stack, not an operator object: the operator creates nothing for it, and the YAML names it in a comment only.` : 'The operator creates nothing for this component.'} />
      <footer className="xp-footer">
        <p>
          Follows the VictoriaMetrics operator <strong>{OPERATOR_VERSION}</strong>.
        </p>
        <details className="xp-fold">
          <summary>
            <span className="xp-count">Assumptions ({ASSUMPTIONS.length})</span>
          </summary>
          <ul>
            {ASSUMPTIONS.map((a) => (
              <li key={a}>{a}</li>
            ))}
          </ul>
        </details>
        <p className="xp-legend" aria-label="Where a flag comes from">
          <OriginTag origin="field" /> set in the design <OriginTag origin="default" /> default <OriginTag origin="rule" /> derived
        </p>
      </footer>
    </section>
  );
}
