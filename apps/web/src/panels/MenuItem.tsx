/** An entry of a top-bar menu: what it is in bold, a line about it under. */
export function MenuItem({ title, about, autoFocus, onClick }: { title: string; about: string; autoFocus?: boolean; onClick: () => void }) {
  return (
    <button type="button" role="menuitem" autoFocus={autoFocus} onClick={onClick}>
      <b>{title}</b>
      <span>{about}</span>
    </button>
  );
}
