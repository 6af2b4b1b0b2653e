import type { TabSlot } from '@vmtopo/editor';
import { createContext, useContext } from 'react';

/** This tab's saving session: the slot it writes and a way to save what is pending now. */
export interface Session {
  tab: TabSlot;
  flush(): void;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside the editor');
  return s;
}
