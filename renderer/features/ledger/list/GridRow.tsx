import { memo, type ReactNode } from 'react';
import type { EnterpriseListRow } from '../../../../shared/domain/enterprise';
import { alignClass, ROW_HEIGHT, type GridLayout, type SizedColumn } from './layout';

interface Props {
  layout: GridLayout;
  index: number;
  /** Undefined while its block is being fetched. */
  row: EnterpriseListRow | undefined;
  selected: boolean;
  focused: boolean;
  onOpen(index: number, row: EnterpriseListRow): void;
  onToggle(index: number, row: EnterpriseListRow): void;
}

/**
 * One ledger row, or its shimmering placeholder. The grid keys rows by their place in view, so the same elements
 * show another enterprise after a scroll: both shapes share the row element and the cells, and only what differs
 * is rewritten.
 */
export const GridRow = memo(function GridRow({ layout, index, row, selected, focused, onOpen, onToggle }: Props) {
  const style = { height: ROW_HEIGHT, width: layout.totalWidth };
  const indexCell = (
    <div className="yqyc-grid-cell yqyc-grid-index sticky align-right" role="gridcell" style={layout.indexStyle}>
      {index + 1}
    </div>
  );

  if (!row) {
    return (
      <div
        className="yqyc-grid-row placeholder"
        role="row"
        aria-rowindex={index + 2}
        aria-busy
        data-testid="enterprise-row-placeholder"
        style={style}
      >
        {layout.selectable && <div className="yqyc-grid-cell sticky" style={layout.checkStyle} />}
        {indexCell}
        {layout.columns.map((column, i) => (
          <div
            key={column.key}
            className={`yqyc-grid-cell${i === 0 ? ' sticky' : ''}`}
            role="gridcell"
            style={layout.cellStyles[i]}
          >
            <div className="yqyc-grid-shimmer" />
          </div>
        ))}
      </div>
    );
  }

  return (
    <div
      id={`enterprise-row-${index}`}
      className={`yqyc-grid-row${selected ? ' selected' : ''}${focused ? ' focused' : ''}`}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={layout.selectable ? selected : undefined}
      data-testid="enterprise-row"
      data-id={row.id}
      style={style}
      onClick={() => onOpen(index, row)}
    >
      {layout.selectable && (
        <label
          className="yqyc-grid-cell check sticky"
          role="gridcell"
          style={layout.checkStyle}
          // A click beside the box still belongs to the checkbox, never to opening the enterprise.
          onClick={(e) => e.stopPropagation()}
        >
          {/* Native rather than antd's: dozens of rows mount on every scroll, and this is the cheapest checkbox. */}
          <input
            type="checkbox"
            aria-label={`选择 ${row.name}`}
            tabIndex={-1}
            checked={selected}
            onChange={() => onToggle(index, row)}
          />
        </label>
      )}
      {indexCell}
      {layout.columns.map((column, i) => (
        <div
          key={column.key}
          className={`yqyc-grid-cell${i === 0 ? ' sticky' : ''}${alignClass(column)}`}
          role="gridcell"
          data-col={column.key}
          style={layout.cellStyles[i]}
          {...cellContent(column, row)}
        />
      ))}
    </div>
  );
});

/**
 * Plain text sits straight in the cell, the hover title showing what an ellipsis cuts off: one element fewer per
 * cell, and every element counts when twenty rows enter the view at each wheel step.
 */
function cellContent(column: SizedColumn, row: EnterpriseListRow): { children: ReactNode; title?: string } {
  if (column.render) return { children: column.render(row) };
  const text = column.text(row);
  return { children: text, title: text };
}
