import { PODS_SHOWN } from '@vmtopo/editor';

// The exported diagram shows as many: one constant for both.
const { rows: MAX_ROWS, cols: MAX_COLS } = PODS_SHOWN;

/** In the "What if" mode: the pods' names by row and column, which are failed, and a click to fail or restore one. */
export interface PodsWhatIf {
  names: string[][];
  failed: ReadonlySet<string>;
  toggle: (pod: string) => void;
}

/** Pods as little squares: rows are shards (or one row), columns are replicas. */
export function PodsGrid({ rows, cols, caption, whatif }: { rows: number; cols: number; caption: string; whatif?: PodsWhatIf }) {
  const shownRows = Math.min(rows, MAX_ROWS);
  const shownCols = Math.min(cols, MAX_COLS);
  const failedHere = whatif ? whatif.names.flat().filter((p) => whatif.failed.has(p)).length : 0;
  return (
    <div className={`pods${whatif ? ' pods-whatif' : ''}`} aria-label={caption}>
      <div className="pods-grid" aria-hidden={whatif ? undefined : true}>
        {cols === 0 ? (
          <div className="pods-none">no pods</div>
        ) : (
          Array.from({ length: shownRows }, (_, r) => (
            <div className="pods-row" key={r}>
              {Array.from({ length: shownCols }, (_, c) => {
                const name = whatif?.names[r]?.[c];
                if (!whatif || name === undefined) return <span className="pod" key={c} />;
                const failed = whatif.failed.has(name);
                return (
                  <button
                    type="button"
                    key={c}
                    className={`pod pod-button nodrag${failed ? ' failed' : ''}`}
                    aria-pressed={failed}
                    aria-label={`${failed ? 'Restore' : 'Fail'} pod ${name}`}
                    title={`${name}: click to ${failed ? 'restore it' : 'fail it'}`}
                    onClick={(e) => {
                      e.stopPropagation();
                      whatif.toggle(name);
                    }}
                  />
                );
              })}
              {cols > MAX_COLS && <span className="pods-more">+{cols - MAX_COLS}</span>}
            </div>
          ))
        )}
        {rows > MAX_ROWS && <div className="pods-more">+{rows - MAX_ROWS} shards</div>}
      </div>
      <div className="pods-caption">
        {caption}
        {failedHere > 0 && <span className="pods-failed"> · {failedHere} failed</span>}
      </div>
    </div>
  );
}
