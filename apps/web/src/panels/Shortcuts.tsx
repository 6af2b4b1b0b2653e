export const SHORTCUTS: [string, string][] = [
  ['Drag a palette item', 'add it where you drop it (Shard, replica and cluster parts onto their owner)'],
  ['Enter on a palette item', 'add it at the centre of the view'],
  ['Drag handle → handle', 'connect (remote write, datasource, remote read, notify)'],
  ['Click / Shift+click / Shift+drag', 'select / add to selection / box-select'],
  ['Delete or Backspace', 'remove the selection'],
  ['Ctrl+Z / Ctrl+Shift+Z', 'undo / redo'],
  ['Ctrl+C / Ctrl+V', 'copy / paste on the canvas'],
  ['Ctrl+A', 'select everything'],
  ['Arrow keys', 'nudge the selected nodes'],
  ['Escape', 'clear the selection'],
  ['?', 'this list'],
];

export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  return (
    <div className="modal-backdrop" onClick={onClose}>
      <div
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-label="Keyboard shortcuts"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => e.key === 'Escape' && onClose()}
      >
        <h2>Keyboard shortcuts</h2>
        <table>
          <tbody>
            {SHORTCUTS.map(([k, v]) => (
              <tr key={k}>
                <th scope="row">
                  <kbd>{k}</kbd>
                </th>
                <td>{v}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="button" autoFocus onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
