import { Checkbox } from 'antd';
import { memo, useState, type PointerEvent } from 'react';
import type { EnterpriseSortKey } from '../../../../shared/ipc/enterprises';
import { clampWidth } from './useColumnPrefs';
import { alignClass, CHECK_WIDTH, HEADER_HEIGHT, INDEX_WIDTH, type GridLayout } from './layout';
import type { Sort } from './query';

interface Props {
  layout: GridLayout;
  sort: Sort;
  onSort(by: EnterpriseSortKey): void;
  onResize(key: string, width: number): void;
  allChecked: boolean;
  someChecked: boolean;
  onToggleAll(): void;
}

/** The sticky header: click a title to sort, drag its right edge to resize. Memoised: the grid re-renders on scroll. */
export const GridHeader = memo(function GridHeader({
  layout,
  sort,
  onSort,
  onResize,
  allChecked,
  someChecked,
  onToggleAll,
}: Props) {
  return (
    <div
      className="yqyc-grid-header"
      role="row"
      aria-rowindex={1}
      style={{ height: HEADER_HEIGHT, width: layout.totalWidth }}
    >
      {layout.selectable && (
        <div className="yqyc-grid-hcell check sticky" role="columnheader" style={{ width: CHECK_WIDTH, left: 0 }}>
          <Checkbox
            aria-label="全选结果"
            checked={allChecked}
            indeterminate={someChecked && !allChecked}
            onChange={onToggleAll}
          />
        </div>
      )}
      <div
        className="yqyc-grid-hcell sticky"
        role="columnheader"
        style={{ width: INDEX_WIDTH, left: layout.indexLeft }}
      >
        序号
      </div>
      {layout.columns.map((column, i) => {
        const sortKey = column.sortKey;
        const active = sortKey !== undefined && sort.by === sortKey;
        const direction = active ? (sort.order === 'asc' ? 'ascending' : 'descending') : 'none';
        return (
          <div
            key={column.key}
            className={`yqyc-grid-hcell${sortKey ? ' sortable' : ''}${i === 0 ? ' sticky' : ''}${alignClass(column)}`}
            role="columnheader"
            aria-sort={sortKey ? direction : undefined}
            tabIndex={sortKey ? 0 : undefined}
            title={sortKey ? `${column.title}：点击排序` : column.title}
            style={{ width: column.width, left: i === 0 ? layout.firstColumnLeft : undefined }}
            onClick={sortKey ? () => onSort(sortKey) : undefined}
            onKeyDown={
              sortKey
                ? (e) => {
                    if (e.key !== 'Enter' && e.key !== ' ') return;
                    e.preventDefault();
                    onSort(sortKey);
                  }
                : undefined
            }
          >
            <span className="title">{column.title}</span>
            {active && (
              <span className="arrow" aria-hidden>
                {sort.order === 'asc' ? '▲' : '▼'}
              </span>
            )}
            <Resizer width={column.width} onResize={(w) => onResize(column.key, w)} />
          </div>
        );
      })}
    </div>
  );
});

/** The grab strip on a header's right edge; the pointer is captured so the drag survives leaving the strip. */
function Resizer({ width, onResize }: { width: number; onResize(width: number): void }) {
  const [drag, setDrag] = useState<{ x: number; width: number } | null>(null);
  const end = (e: PointerEvent<HTMLDivElement>) => {
    e.currentTarget.releasePointerCapture(e.pointerId);
    setDrag(null);
  };
  return (
    <div
      className={`yqyc-grid-resizer${drag ? ' dragging' : ''}`}
      aria-hidden
      onPointerDown={(e) => {
        e.stopPropagation();
        e.preventDefault();
        e.currentTarget.setPointerCapture(e.pointerId);
        setDrag({ x: e.clientX, width });
      }}
      onPointerMove={(e) => {
        if (drag) onResize(clampWidth(drag.width + e.clientX - drag.x));
      }}
      onPointerUp={end}
      onPointerCancel={end}
      // The click that ends a drag must not also sort the column.
      onClick={(e) => e.stopPropagation()}
    />
  );
}
