import { memo } from 'react';
import type { EnterpriseListRow } from '../../../../shared/domain/enterprise';
import { alignClass, CHECK_WIDTH, INDEX_WIDTH, ROW_HEIGHT, type GridLayout } from './layout';

interface Props {
  layout: GridLayout;
  index: number;
  /** Undefined while its block is being fetched. */
  row: EnterpriseListRow | undefined;
  top: number;
  selected: boolean;
  focused: boolean;
  onOpen(index: number, row: EnterpriseListRow): void;
  onToggle(index: number, row: EnterpriseListRow): void;
}

/** One ledger row, or its shimmering placeholder. Memoised: scrolling re-renders only the rows that move in. */
export const GridRow = memo(function GridRow({ layout, index, row, top, selected, focused, onOpen, onToggle }: Props) {
  const style = { height: ROW_HEIGHT, width: layout.totalWidth, transform: `translateY(${top}px)` };
  const indexCell = (
    <div
      className="yqyc-grid-cell yqyc-grid-index sticky align-right"
      role="gridcell"
      style={{ width: INDEX_WIDTH, left: layout.indexLeft }}
    >
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
        {layout.selectable && <div className="yqyc-grid-cell sticky" style={{ width: CHECK_WIDTH, left: 0 }} />}
        {indexCell}
        {layout.columns.map((column, i) => (
          <div
            key={column.key}
            className={`yqyc-grid-cell${i === 0 ? ' sticky' : ''}`}
            role="gridcell"
            style={{ width: column.width, left: i === 0 ? layout.firstColumnLeft : undefined }}
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
          style={{ width: CHECK_WIDTH, left: 0 }}
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
          style={{ width: column.width, left: i === 0 ? layout.firstColumnLeft : undefined }}
        >
          {column.render ? column.render(row) : <CellText text={column.text(row)} />}
        </div>
      ))}
    </div>
  );
});

/** The hover title shows what an ellipsis cuts off. */
function CellText({ text }: { text: string }) {
  return (
    <span className="text" title={text}>
      {text}
    </span>
  );
}
