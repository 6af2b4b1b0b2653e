import type { ReactNode } from 'react';

/** The head of an inspector view: a mark, a title, then what it is about. */
export function InspectorHead({ mark, role, title, children }: { mark: string; role?: string; title: ReactNode; children: ReactNode }) {
  return (
    <header className={role ? `insp-head role-${role}` : 'insp-head'}>
      <span className="abbr" aria-hidden>
        {mark}
      </span>
      <div>
        <h2>{title}</h2>
        {children}
      </div>
    </header>
  );
}
