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
 * show another enterprise after a scroll: both shapes are built alike, and only what differs is rewritten.
 *
 * The frozen cells (checkbox, 序号, the first column) sit in one sticky block rather than each being sticky: each
 * sticky element is a layer of its own for the compositor, and three per row made a scroll's frame spend a quarter
 * of its time arranging layers.
 */
export const GridRow = memo(function GridRow({ layout, index, row, selected, focused, onOpen, onToggle }: Props) {
  const [first, ...rest] = layout.columns;
  const cell = (column: SizedColumn, width: number) => (
    <div
      key={column.key}
      className={`yqyc-grid-cell${alignClass(column)}`}
      role="gridcell"
      data-col={row ? column.key : undefined}
      style={layout.widths[width]}
      {...(row ? cellContent(column, row) : { children: <div className="yqyc-grid-shimmer" /> })}
    />
  );
  const frozen = (
    <div className="yqyc-grid-frozen" role="none" style={layout.frozenStyle}>
      {layout.selectable && (
        <label
          className="yqyc-grid-cell check"
          role="gridcell"
          style={layout.checkStyle}
          // A click beside the box still belongs to the checkbox, never to opening the enterprise.
          onClick={(e) => e.stopPropagation()}
        >
          {/* Native rather than antd's: dozens of rows change on every scroll, and this is the cheapest checkbox. */}
          {row && (
            <input
              type="checkbox"
              aria-label={`选择 ${row.name}`}
              tabIndex={-1}
              checked={selected}
              onChange={() => onToggle(index, row)}
            />
          )}
        </label>
      )}
      <div className="yqyc-grid-cell yqyc-grid-index align-right" role="gridcell" style={layout.indexStyle}>
        {index + 1}
      </div>
      {first && cell(first, 0)}
    </div>
  );
  const style = { height: ROW_HEIGHT, width: layout.totalWidth };

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
        {frozen}
        {rest.map((column, i) => cell(column, i + 1))}
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
      {frozen}
      {rest.map((column, i) => cell(column, i + 1))}
    </div>
  );
});

/**
 * Plain text sits straight in the cell, the hover title showing what an ellipsis cuts off: one element fewer per
 * cell, and every element counts when twenty rows change at each wheel step.
 */
function cellContent(column: SizedColumn, row: EnterpriseListRow): { children: ReactNode; title?: string } {
  if (column.render) return { children: column.render(row) };
  const text = column.text(row);
  return { children: text, title: text };
}
