import { useVirtualizer } from '@tanstack/react-virtual';
import { Empty } from 'antd';
import { memo, useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { EnterpriseListRow } from '../../../../shared/domain/enterprise';
import type { EnterpriseSortKey } from '../../../../shared/ipc/enterprises';
import { useFillHeight } from '../../../components/useFillHeight';
import { GridHeader } from './GridHeader';
import { GridRow } from './GridRow';
import { HEADER_HEIGHT, ROW_HEIGHT, type GridLayout } from './layout';
import type { Sort } from './query';
import type { RowCache } from './rowCache';
import { useRowsChanged } from './useRowCache';
import './grid.css';

/** Rows rendered beyond the view: enough for the compositor to scroll into before React catches up, few enough that
 * each scroll's frame stays short (every rendered row is rewritten at each wheel step, its frozen block a layer). */
const OVERSCAN = 6;
/** Room left under the grid for the card around the list and the page's padding. */
const BOTTOM_GAP = 40;
const MIN_HEIGHT = 320;

interface Props {
  cache: RowCache;
  layout: GridLayout;
  sort: Sort;
  onSort(by: EnterpriseSortKey): void;
  onResize(key: string, width: number): void;
  selected: ReadonlySet<number>;
  allChecked: boolean;
  onToggleAll(): void;
  /** `extend`: shift was held, so the clerk means the range from the last checkbox. */
  onToggle(index: number, row: EnterpriseListRow, extend: boolean): void;
  onOpen(id: number): void;
  emptyText: string;
}

/**
 * The whole result set in one scrolling grid: only the rows in view (and a few either side) are rendered, and their
 * blocks fetched. Keyboard: ↑↓ PageUp PageDown Home End move, Enter opens, Space ticks the row. Memoised, and it
 * follows the row cache itself: scrolling re-renders the grid and the rows in view, nothing around it.
 */
export const EnterpriseGrid = memo(function EnterpriseGrid(props: Props) {
  const { cache, layout, selected, onOpen, onToggle } = props;
  useRowsChanged(cache);
  const scrollRef = useRef<HTMLDivElement>(null);
  const height = useFillHeight(scrollRef, BOTTOM_GAP, MIN_HEIGHT);
  const total = cache.total ?? 0;

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    // The rows start below the header inside the same scroller, and the sticky header covers the top of the view.
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;

  useEffect(() => cache.show(first, last), [cache, first, last]);

  // A different query or sort starts at the top; a refresh of the same list stays where the clerk was.
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [cache.key]);

  const [focus, setFocus] = useState<{ key: string; index: number | null }>({ key: cache.key, index: null });
  const focused = focus.key === cache.key && focus.index !== null && focus.index < total ? focus.index : null;

  // Shift on the click that ticked a checkbox (the change event itself does not say).
  const extendRef = useRef(false);

  const openRow = useCallback(
    (index: number, row: EnterpriseListRow) => {
      setFocus({ key: cache.key, index });
      onOpen(row.id);
    },
    [cache.key, onOpen],
  );
  const toggleRow = useCallback(
    (index: number, row: EnterpriseListRow) => {
      setFocus({ key: cache.key, index });
      onToggle(index, row, extendRef.current);
    },
    [cache.key, onToggle],
  );

  const moveTo = (index: number) => {
    if (total === 0) return;
    const to = Math.min(total - 1, Math.max(0, index));
    setFocus({ key: cache.key, index: to });
    virtualizer.scrollToIndex(to, { align: 'auto' });
    scrollRef.current?.focus({ preventScroll: true });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const onGrid = e.target === e.currentTarget;
    const viewRows = Math.floor(((scrollRef.current?.clientHeight ?? 0) - HEADER_HEIGHT) / ROW_HEIGHT);
    const page = Math.max(1, viewRows - 1);
    const at = focused ?? first - 1;
    if (e.key === 'ArrowDown') moveTo(at + 1);
    else if (e.key === 'ArrowUp') moveTo(focused === null ? first : at - 1);
    else if (e.key === 'PageDown') moveTo(at + page);
    else if (e.key === 'PageUp') moveTo(at - page);
    else if (e.key === 'Home' && onGrid) moveTo(0);
    else if (e.key === 'End' && onGrid) moveTo(total - 1);
    else if ((e.key === 'Enter' || e.key === ' ') && onGrid && focused !== null) {
      const row = cache.row(focused);
      if (!row) return;
      if (e.key === 'Enter') onOpen(row.id);
      else if (layout.selectable) onToggle(focused, row, e.shiftKey);
    } else return;
    e.preventDefault();
  };

  const activeRow = focused !== null && focused >= first && focused <= last && cache.row(focused);

  return (
    <div
      ref={scrollRef}
      className="yqyc-grid"
      role="grid"
      aria-label="企业台账"
      aria-rowcount={total + 1}
      aria-colcount={layout.columns.length + (layout.selectable ? 2 : 1)}
      aria-multiselectable={layout.selectable || undefined}
      aria-activedescendant={activeRow ? `enterprise-row-${focused}` : undefined}
      tabIndex={0}
      style={{ height: height ?? `calc(100vh - 360px)` }}
      onKeyDown={onKeyDown}
      onKeyDownCapture={(e) => {
        extendRef.current = e.shiftKey;
      }}
      onPointerDownCapture={(e) => {
        extendRef.current = e.shiftKey;
      }}
      onFocus={(e) => {
        if (e.target === e.currentTarget && focused === null && total > 0) setFocus({ key: cache.key, index: first });
      }}
    >
      <GridHeader
        layout={layout}
        sort={props.sort}
        onSort={props.onSort}
        onResize={props.onResize}
        allChecked={props.allChecked}
        someChecked={selected.size > 0}
        onToggleAll={props.onToggleAll}
      />
      {!cache.loading && !cache.failed && total === 0 ? (
        <div className="yqyc-grid-empty">
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={props.emptyText} />
        </div>
      ) : (
        // The rows sit in a window moved to the first row in view; row k of the window shows the k-th row there.
        // Keyed by place, not by enterprise: a wheel step rewrites the text of the rows already drawn and moves the
        // window, instead of building ~200 new elements (or moving rows, which restyles each whole row): Chromium
        // then restyles a handful of elements per step rather than every cell, the cost of a scroll's frame.
        <div style={{ position: 'relative', height: virtualizer.getTotalSize(), width: layout.totalWidth }}>
          <div
            role="rowgroup"
            className="yqyc-grid-window"
            style={{ transform: `translateY(${(items[0]?.start ?? HEADER_HEIGHT) - HEADER_HEIGHT}px)` }}
          >
            {items.map((item) => {
              const row = cache.row(item.index);
              return (
                <GridRow
                  key={item.index - first}
                  layout={layout}
                  index={item.index}
                  row={row}
                  selected={row !== undefined && selected.has(row.id)}
                  focused={item.index === focused}
                  onOpen={openRow}
                  onToggle={toggleRow}
                />
              );
            })}
          </div>
        </div>
      )}
    </div>
  );
});
