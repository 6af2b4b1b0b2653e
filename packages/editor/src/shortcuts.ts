import type { Position } from '@vmtopo/model';
import { copy, paste } from './clipboard.ts';
import type { EditorStore } from './editorStore.ts';
import { nudgeSelection } from './nodeChanges.ts';
import { clearSelection, deleteSelection, selectAll } from './selection.ts';
import { toggleWhatIf } from './whatif.ts';

/** How far an arrow key moves the selection, and with Shift (React Flow moves a focused node as far). */
export const NUDGE_STEP = 5;
export const NUDGE_FAR = 20;

const DIRECTIONS = { Left: [-1, 0], Right: [1, 0], Up: [0, -1], Down: [0, 1] } as const;
type Direction = keyof typeof DIRECTIONS;
type NudgeCommand = `nudge${Direction}` | `nudge${Direction}Far`;

/** What a key does to the editor. */
export type EditorCommand = 'delete' | 'copy' | 'paste' | 'selectAll' | 'clearSelection' | 'undo' | 'redo' | 'toggleWhatIf' | NudgeCommand;
/** What a key does: an editor command, or showing this list. */
export type ShortcutAction = EditorCommand | 'showShortcuts';

/** Where a key works: on the focused canvas, or anywhere in the page but text fields. */
export type ShortcutScope = 'canvas' | 'page';

export interface KeyBinding {
  /** `KeyboardEvent.key`, compared without case. */
  key: string;
  /** Ctrl (or ⌘) held: true, not held: false, either: absent. */
  mod?: boolean;
  /** Shift held: true, not held: false, either: absent. */
  shift?: boolean;
  action: ShortcutAction;
}

export interface Shortcut {
  /** How the list names the keys or the gesture. */
  keys: string;
  description: string;
  /** Keys the designer handles itself; absent for gestures of the canvas and the browser. */
  scope?: ShortcutScope;
  bindings?: readonly KeyBinding[];
}

const isNudge = (c: EditorCommand): c is NudgeCommand => c.startsWith('nudge');

const NUDGE_BINDINGS: KeyBinding[] = (Object.keys(DIRECTIONS) as Direction[]).flatMap((d) => [
  { key: `Arrow${d}`, mod: false, shift: false, action: `nudge${d}` as const },
  { key: `Arrow${d}`, mod: false, shift: true, action: `nudge${d}Far` as const },
]);

/** Every shortcut: the list `?` shows, and the keys the canvas and the page answer. */
export const SHORTCUTS: readonly Shortcut[] = [
  { keys: 'Drag a palette item', description: 'add it where you drop it (Shard, replica and cluster parts onto their owner)' },
  { keys: 'Enter on a palette item', description: 'add it at the centre of the view' },
  { keys: 'Drag handle → handle', description: 'connect (remote write, datasource, remote read, notify)' },
  { keys: 'Click / Shift+click / Shift+drag', description: 'select / add to selection / box-select' },
  { keys: 'Double-click a note (or Enter)', description: 'write in it; Escape or a click elsewhere ends the writing' },
  { keys: 'Delete or Backspace', description: 'remove the selection', scope: 'canvas', bindings: [{ key: 'Delete', action: 'delete' }, { key: 'Backspace', action: 'delete' }] },
  {
    keys: 'Ctrl+Z / Ctrl+Shift+Z',
    description: 'undo / redo',
    scope: 'page',
    bindings: [{ key: 'z', mod: true, shift: false, action: 'undo' }, { key: 'z', mod: true, shift: true, action: 'redo' }, { key: 'y', mod: true, action: 'redo' }],
  },
  { keys: 'Ctrl+C / Ctrl+V', description: 'copy / paste on the canvas (at the pointer, clear of the originals; the copy is selected)', scope: 'canvas', bindings: [{ key: 'c', mod: true, action: 'copy' }, { key: 'v', mod: true, action: 'paste' }] },
  { keys: 'Ctrl+A', description: 'select everything', scope: 'canvas', bindings: [{ key: 'a', mod: true, action: 'selectAll' }] },
  { keys: 'Arrow keys / Shift+arrow', description: `nudge the selection ${NUDGE_STEP} px / ${NUDGE_FAR} px (a burst of nudges is one undo step)`, scope: 'canvas', bindings: NUDGE_BINDINGS },
  { keys: 'Escape', description: 'clear the selection', scope: 'canvas', bindings: [{ key: 'Escape', action: 'clearSelection' }] },
  { keys: 'W', description: 'What if: enter or leave the failure simulation (click pods to fail them)', scope: 'page', bindings: [{ key: 'w', mod: false, action: 'toggleWhatIf' }] },
  { keys: '?', description: 'this list', scope: 'page', bindings: [{ key: '?', mod: false, action: 'showShortcuts' }] },
];

/** The parts of a key event a shortcut reads. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

const held = (want: boolean | undefined, is: boolean) => want === undefined || want === is;

/** The action of a key pressed in `scope`, if it has one. */
export function shortcutAction(e: KeyPress, scope: ShortcutScope): ShortcutAction | undefined {
  const key = e.key.toLowerCase();
  for (const s of SHORTCUTS) {
    if (s.scope !== scope) continue;
    for (const b of s.bindings ?? []) {
      if (b.key.toLowerCase() === key && held(b.mod, e.ctrlKey || e.metaKey) && held(b.shift, e.shiftKey)) return b.action;
    }
  }
  return undefined;
}

/**
 * Runs an editor command; true when the key was used, so the page prevents the browser's own
 * action. `pointer`: where the pointer is on the canvas (flow coordinates), where a paste lands.
 */
export function runCommand(store: EditorStore, command: EditorCommand, pointer?: Position): boolean {
  if (isNudge(command)) {
    const far = command.endsWith('Far');
    const [dx, dy] = DIRECTIONS[command.slice(5, far ? -3 : undefined) as Direction];
    const step = far ? NUDGE_FAR : NUDGE_STEP;
    return nudgeSelection(store, dx * step, dy * step);
  }
  switch (command) {
    case 'delete':
      deleteSelection(store);
      return true;
    case 'copy':
      copy(store);
      return true;
    case 'paste':
      return paste(store, pointer);
    case 'selectAll':
      selectAll(store);
      return true;
    case 'clearSelection':
      clearSelection(store);
      return false;
    case 'undo':
      store.getState().undo();
      return true;
    case 'redo':
      store.getState().redo();
      return true;
    case 'toggleWhatIf':
      toggleWhatIf(store);
      return true;
  }
}
