const MAX_ROWS = 6;
const MAX_COLS = 10;

/** Pods as little squares: rows are shards (or one row), columns are replicas. */
export function PodsGrid({ rows, cols, caption }: { rows: number; cols: number; caption: string }) {
  const shownRows = Math.min(rows, MAX_ROWS);
  const shownCols = Math.min(cols, MAX_COLS);
  return (
    <div className="pods" aria-label={caption}>
      <div className="pods-grid" aria-hidden>
        {cols === 0 ? (
          <div className="pods-none">no pods</div>
        ) : (
          Array.from({ length: shownRows }, (_, r) => (
            <div className="pods-row" key={r}>
              {Array.from({ length: shownCols }, (_, c) => (
                <span className="pod" key={c} />
              ))}
              {cols > MAX_COLS && <span className="pods-more">+{cols - MAX_COLS}</span>}
            </div>
          ))
        )}
        {rows > MAX_ROWS && <div className="pods-more">+{rows - MAX_ROWS} shards</div>}
      </div>
      <div className="pods-caption">{caption}</div>
    </div>
  );
}
