import type { ReactNode } from 'react';

/**
 * A panel's heading. Focusable by script only (tabIndex -1), so a link to the section
 * (`#/cases/<id>?section=…`) can move keyboard and screen-reader users straight to it.
 */
export function SectionHeading({ id, children }: { id: string; children: ReactNode }) {
  return (
    <h2 id={id} tabIndex={-1} className="tracking-panel__heading">
      {children}
    </h2>
  );
}
