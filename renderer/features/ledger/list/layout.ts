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
  /** Each column's cell style, made once per layout rather than per cell as rows scroll in. */
  cellStyles: CSSProperties[];
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
    cellStyles: columns.map((c, i) => ({ width: c.width, left: i === 0 ? firstColumnLeft : undefined })),
    checkStyle: { width: CHECK_WIDTH, left: 0 },
    indexStyle: { width: INDEX_WIDTH, left: indexLeft },
  };
}

export function alignClass(column: GridColumn): string {
  return column.align ? ` align-${column.align}` : '';
}
