// The room inside some columns' cells, followed as the window or the column set changes: cells that fit their
// content to it (the chip lists) read it from here instead of measuring themselves on every scroll.
import { useEffect, useRef, useState } from 'react';
import type { RefObject } from 'react';

/** .grid-cell's left and right padding */
const CELL_PADDING = 16;

export type ColumnWidths = Readonly<Record<string, number>>;

/** Content widths of the header cells `[data-col=<id>]` of `ids` under the returned ref's element. */
export function useColumnWidths(ids: readonly string[], layoutKey: string): [RefObject<HTMLDivElement>, ColumnWidths] {
  const ref = useRef<HTMLDivElement>(null);
  const [widths, setWidths] = useState<ColumnWidths>({});
  const idsKey = ids.join(' ');
  useEffect(() => {
    const root = ref.current;
    if (!root) return undefined;
    const observer = new ResizeObserver((entries) => {
      setWidths((previous) => {
        let next = previous;
        for (const entry of entries) {
          const id = (entry.target as HTMLElement).dataset.col!;
          const width = Math.floor(entry.borderBoxSize[0]?.inlineSize ?? entry.contentRect.width) - CELL_PADDING;
          if (next[id] !== width) next = { ...next, [id]: width };
        }
        return next;
      });
    });
    for (const id of ids) {
      const header = root.querySelector(`[data-col="${id}"]`);
      if (header) observer.observe(header);
    }
    return () => observer.disconnect();
  }, [idsKey, layoutKey]);
  return [ref, widths];
}
