import { useEffect, useState } from 'react';

/**
 * Whether a side panel is collapsed: by default when the window is narrower than `below` px (and
 * following the window while the user has not chosen), then as the user toggles it.
 */
export function useCollapsed(below: number): [boolean, () => void] {
  const [chosen, setChosen] = useState<boolean | null>(null);
  const query = `(max-width: ${below - 1}px)`;
  const [narrow, setNarrow] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const mq = window.matchMedia(query);
    const on = () => setNarrow(mq.matches);
    mq.addEventListener('change', on);
    return () => mq.removeEventListener('change', on);
  }, [query]);
  const collapsed = chosen ?? narrow;
  return [collapsed, () => setChosen(!collapsed)];
}
