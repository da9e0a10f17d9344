// Which rows of a fixed-row-height list are in view. Every row is ROW_HEIGHT tall, so the window is arithmetic on
// the scroll offset: nothing is measured per row. (A general virtualiser keeps one measurement per row and rebuilt
// 100,000 of them whenever a filter changed the row count.)
import { useCallback, useLayoutEffect, useRef, useState } from 'react';

export interface RowWindowOptions {
  count: number;
  rowHeight: number;
  /** height of the sticky header above the first row, inside the scrolling element */
  headerHeight: number;
  /** rows rendered beyond each edge of the view, so a fast wheel step does not show blank rows */
  overscan: number;
}

export interface RowWindow {
  /** callback ref for the scrolling element */
  ref: (element: HTMLDivElement | null) => void;
  /** first and last index to render; last < first when there is nothing to render */
  first: number;
  last: number;
  /** the view's height in rows (for PageUp/PageDown) */
  pageRows: number;
  /** scrolls just enough to show the row whole below the header */
  scrollToIndex: (index: number) => void;
  scrollToTop: () => void;
}

interface View {
  top: number;
  height: number;
}

export function useRowWindow({ count, rowHeight, headerHeight, overscan }: RowWindowOptions): RowWindow {
  const [element, setElement] = useState<HTMLDivElement | null>(null);
  const [view, setView] = useState<View>({ top: 0, height: 0 });
  // the last offset seen, so scrolling to the top does not read (and force) layout when already there
  const top = useRef(0);

  useLayoutEffect(() => {
    if (!element) return;
    const read = () => {
      top.current = element.scrollTop;
      const next = { top: element.scrollTop, height: element.clientHeight };
      // only a change of the rendered range re-renders the grid, not every scroll event
      setView((current) => (sameRange(current, next, rowHeight, overscan) ? current : next));
    };
    read();
    element.addEventListener('scroll', read, { passive: true });
    const observer = new ResizeObserver(read);
    observer.observe(element);
    return () => {
      element.removeEventListener('scroll', read);
      observer.disconnect();
    };
  }, [element, rowHeight, overscan]);

  const [start, end] = range(view, rowHeight, overscan);
  const scrollToIndex = useCallback(
    (index: number) => {
      if (!element) return;
      const rowTop = index * rowHeight;
      const visibleTop = element.scrollTop;
      const visibleBottom = visibleTop + element.clientHeight - headerHeight;
      if (rowTop < visibleTop) element.scrollTop = rowTop;
      else if (rowTop + rowHeight > visibleBottom)
        element.scrollTop = rowTop + rowHeight - (element.clientHeight - headerHeight);
    },
    [element, rowHeight, headerHeight],
  );
  const scrollToTop = useCallback(() => {
    if (element && top.current !== 0) element.scrollTop = 0;
  }, [element]);

  return {
    ref: setElement,
    first: start,
    last: Math.min(count - 1, end),
    pageRows: Math.max(1, Math.floor((view.height - headerHeight) / rowHeight)),
    scrollToIndex,
    scrollToTop,
  };
}

/** Rows under the view (the header covers the top headerHeight pixels, which the overscan absorbs). */
function range(view: View, rowHeight: number, overscan: number): [number, number] {
  const first = Math.floor(view.top / rowHeight);
  const last = Math.ceil((view.top + view.height) / rowHeight);
  return [Math.max(0, first - overscan), last + overscan];
}

function sameRange(a: View, b: View, rowHeight: number, overscan: number): boolean {
  const [aFirst, aLast] = range(a, rowHeight, overscan);
  const [bFirst, bLast] = range(b, rowHeight, overscan);
  return aFirst === bFirst && aLast === bLast && a.height === b.height;
}
