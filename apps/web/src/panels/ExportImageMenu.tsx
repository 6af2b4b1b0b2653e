import { useDiagramExport } from '../hooks/useDiagramExport.ts';
import { Menu } from './Menu.tsx';
import { MenuItem } from './MenuItem.tsx';

/** The canvas as a picture for a runbook or a design review: the whole design, in the current theme, with the legend. */
export function ExportImageMenu() {
  const exportAs = useDiagramExport();
  return (
    <Menu label="Export image ▾" title="The whole design as SVG or PNG, in the current theme, with the legend" listLabel="Export image">
      {(close) => (
        <>
          <MenuItem title="SVG" about="Sharp at any size, its text searchable: for docs and wikis" autoFocus onClick={() => (close(), void exportAs('svg'))} />
          <MenuItem title="PNG" about="A picture at 2× for chats, slides and tickets" onClick={() => (close(), void exportAs('png'))} />
        </>
      )}
    </Menu>
  );
}
