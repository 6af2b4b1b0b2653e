import { addAtCentre, PALETTE, PALETTE_MIME, type PaletteItem } from '@vmtopo/editor';
import { useReactFlow } from '@xyflow/react';
import type { DragEvent } from 'react';
import { viewCentre } from '../browser.ts';
import { useCollapsed } from '../hooks/useCollapsed.ts';
import { useEditorApi } from '../hooks/useEditorApi.ts';

/** Below this window width the palette starts as a rail of icons: the canvas gets the room. */
const PALETTE_FULL_FROM = 1600;

function Item({ item }: { item: PaletteItem }) {
  const store = useEditorApi();
  const rf = useReactFlow();
  const onDragStart = (e: DragEvent) => {
    e.dataTransfer.setData(PALETTE_MIME, item.id);
    e.dataTransfer.effectAllowed = 'copy';
  };
  return (
    <li>
      <button
        type="button"
        className={`palette-item role-${item.role}${item.part ? ' part-item' : ''}`}
        draggable
        onDragStart={onDragStart}
        onClick={() => addAtCentre(store, item.id, viewCentre(rf))}
        aria-label={item.title}
        aria-description={`${item.summary}. Drag onto the canvas, or press Enter to add it at the centre.`}
        title={`${item.title}: ${item.summary}. Drag onto the canvas, or press Enter to add.`}
        data-palette-item={item.id}
      >
        <span className="abbr" aria-hidden>
          {item.abbr}
        </span>
        <span className="palette-text">
          <span className="palette-title">{item.title}</span>
          <span className="palette-summary">{item.summary}</span>
        </span>
      </button>
    </li>
  );
}

/** The palette; collapsible to a rail of its icons (names and summaries in their tooltips). */
export function Palette() {
  const [collapsed, toggle] = useCollapsed(PALETTE_FULL_FROM);
  return (
    <nav className={`palette${collapsed ? ' collapsed' : ''}`} aria-label="Palette">
      <button type="button" className="ghost panel-toggle" aria-expanded={!collapsed} aria-label={collapsed ? 'Expand the palette' : 'Collapse the palette'} title={collapsed ? 'Show names and summaries' : 'Icons only'} onClick={toggle}>
        {collapsed ? '»' : '«'}
      </button>
      {PALETTE.map((g) => (
        <section key={g.title} aria-label={g.title}>
          <h2>{g.title}</h2>
          <ul>
            {g.items.map((i) => (
              <Item key={i.id} item={i} />
            ))}
          </ul>
        </section>
      ))}
      <p className="palette-tip">Drag onto the canvas · Enter adds at the centre · drop Shard / replica / cluster parts onto their owner</p>
    </nav>
  );
}
