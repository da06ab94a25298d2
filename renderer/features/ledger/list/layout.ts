import type { CSSProperties } from 'react';
import type { GridColumn } from './columns';

export const ROW_HEIGHT = 40;
export const HEADER_HEIGHT = 40;
export const CHECK_WIDTH = 44;
export const INDEX_WIDTH = 72;

export type SizedColumn = GridColumn & { width: number };

/**
 * Where the frozen cells sit: the checkbox, 序号 and the first column (the name, always shown) stay in view while
 * the clerk scrolls sideways through the other columns.
 */
export interface GridLayout {
  selectable: boolean;
  columns: SizedColumn[];
  indexLeft: number;
  firstColumnLeft: number;
  totalWidth: number;
  /** Each column's cell width, made once per layout rather than per cell as rows scroll. */
  widths: CSSProperties[];
  /** The block of a row's frozen cells (checkbox, 序号, first column), stuck to the left edge. */
  frozenStyle: CSSProperties;
  checkStyle: CSSProperties;
  indexStyle: CSSProperties;
}

export function gridLayout(columns: SizedColumn[], selectable: boolean): GridLayout {
  const indexLeft = selectable ? CHECK_WIDTH : 0;
  const firstColumnLeft = indexLeft + INDEX_WIDTH;
  const totalWidth = columns.reduce((sum, c) => sum + c.width, firstColumnLeft);
  return {
    selectable,
    columns,
    indexLeft,
    firstColumnLeft,
    totalWidth,
    widths: columns.map((c) => ({ width: c.width })),
    frozenStyle: { width: firstColumnLeft + (columns[0]?.width ?? 0) },
    checkStyle: { width: CHECK_WIDTH },
    indexStyle: { width: INDEX_WIDTH },
  };
}

export function alignClass(column: GridColumn): string {
  return column.align ? ` align-${column.align}` : '';
}
