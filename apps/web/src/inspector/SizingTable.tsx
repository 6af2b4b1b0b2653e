import { applyDesignSizing, setWorkloadText, sizingTableOf, workloadTextProblem } from '@vmtopo/editor';
import { getComponent, type Topology } from '@vmtopo/model';
import { useState } from 'react';
import { useEditorApi } from '../hooks/useEditorApi.ts';

const rate = (n: number) => `${Math.round(n).toLocaleString('en-US')}/s`;

/** An agent's active series, typed in the table: commits when valid, says why not otherwise. */
function SeriesInput({ t, id, name }: { t: Topology; id: string; name: string }) {
  const store = useEditorApi();
  const c = getComponent(t, id)!;
  const value = c.workload?.activeSeries?.toString() ?? '';
  const [draft, setDraft] = useState<string | null>(null);
  const problem = draft === null ? undefined : workloadTextProblem(c, 'activeSeries', draft);
  return (
    <input
      className="sizing-series"
      type="text"
      inputMode="numeric"
      aria-label={`Active series of ${name}`}
      aria-invalid={problem ? true : undefined}
      title={problem ?? 'Active series, e.g. 600k'}
      placeholder="not given"
      value={draft ?? value}
      onChange={(e) => {
        setDraft(e.target.value);
        if (!workloadTextProblem(c, 'activeSeries', e.target.value)) setWorkloadText(store, id, 'activeSeries', e.target.value);
      }}
      onBlur={() => !problem && setDraft(null)}
      spellCheck={false}
      autoComplete="off"
    />
  );
}

/**
 * The design summary's sizing: per storage the samples stored, the disk each data pod needs over
 * the retention against its claim, and the CPU guidance; per agent its series (editable) and the
 * queue an outage needs; and "Apply sizing", which writes them all as one undo step.
 */
export function SizingTable({ t }: { t: Topology }) {
  const store = useEditorApi();
  const table = sizingTableOf(store, t);
  if (table.storages.length === 0 && table.agents.length === 0) return null;
  const outage = table.outageMinutes % 60 === 0 ? `${table.outageMinutes / 60}h` : `${table.outageMinutes} min`;
  return (
    <fieldset className="group sizing">
      <legend>Sizing</legend>
      {!table.described && <p className="sizing-hint">Give a VMAgent its active series (here or in its Workload group) to size the design and check its volumes and queues.</p>}
      {table.storages.length > 0 && (
        <table className="sizing-table" aria-label="Storage sizing">
          <thead>
            <tr>
              <th scope="col">Storage</th>
              <th scope="col">Samples</th>
              <th scope="col">Disk/pod</th>
              <th scope="col">Claim</th>
            </tr>
          </thead>
          <tbody>
            {table.storages.map((s) => (
              <tr key={s.id} className={table.described && !s.fits ? 'short' : undefined}>
                <th scope="row">
                  {s.name}
                  <span className="sizing-sub">
                    {s.cpu} CPU / pod
                  </span>
                </th>
                <td className="num">{rate(s.samplesPerSecond)}</td>
                <td className="num">≈ {s.diskPerPod}</td>
                <td className="num">
                  {s.requested}
                  {table.described && <span className="sizing-fit sizing-sub">{s.fits ? '✓ fits' : `✗ needs ${s.wanted}`}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {table.agents.length > 0 && (
        <table className="sizing-table" aria-label="Agent sizing">
          <thead>
            <tr>
              <th scope="col">Agent</th>
              <th scope="col">Active series</th>
              <th scope="col">Queue for {outage}</th>
            </tr>
          </thead>
          <tbody>
            {table.agents.map((a) => (
              <tr key={a.id} className={!a.assumed && !a.fits ? 'short' : undefined}>
                <th scope="row">{a.name}</th>
                <td>
                  <SeriesInput t={t} id={a.id} name={a.name} />
                </td>
                <td className="num">
                  {a.queueNeed ?? '—'}
                  {!a.assumed && a.queueNeed && <span className="sizing-fit sizing-sub">{a.fits ? '✓ fits' : '✗ too small'}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="sizing-note">
        Disk and queue follow the documented formulas; CPU is the documented 100K samples/s per core guidance with 50% spare. There is no official RAM-per-series figure: size
        RAM by a test load. Guidance, not measurement.
      </p>
      <div className="sizing-actions">
        <button type="button" disabled={!table.described} title={table.described ? 'Write every volume, CPU request and queue size above into the design' : 'Give an agent its active series first'} onClick={() => applyDesignSizing(store)}>
          Apply sizing
        </button>
      </div>
    </fieldset>
  );
}
