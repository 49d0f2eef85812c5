import type { ReactNode } from 'react';

/**
 * A wide table's horizontal scroller (phones at 390 px). Focusable and named, so a keyboard user can scroll it with
 * the arrow keys and a screen reader announces what it holds (axe: scrollable-region-focusable).
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="scroll-x" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
