import type { MouseEvent } from 'react';
import { columnLetter } from './columnLetter';
import './headGrid.css';

/**
 * The first rows of a sheet as a small grid, the header rows marked; a click on a row picks it as the header
 * (with Shift held, extends the header to it). Rows above the header are greyed: they will not be read.
 */
export function HeadGrid({
  head,
  header,
  onPick,
  testId,
  maxHeight,
}: {
  head: string[][];
  /** 1-based, inclusive; null when none is chosen yet. */
  header: { start: number; end: number } | null;
  onPick: (row: number, extend: boolean) => void;
  testId: string;
  /** When the grid shares the screen with more below it. */
  maxHeight?: number;
}) {
  const width = Math.max(1, ...head.map((r) => r.length));
  const kind = (row: number) =>
    !header ? '' : row < header.start ? 'yqyc-head-above' : row <= header.end ? 'yqyc-head-row' : 'yqyc-head-data';
  return (
    <div className="yqyc-head-grid" data-testid={testId} style={maxHeight ? { maxHeight } : undefined}>
      <table>
        <thead>
          <tr>
            <th />
            {Array.from({ length: width }, (_, i) => (
              <th key={i}>{columnLetter(i)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {head.map((cells, i) => {
            const row = i + 1;
            return (
              <tr
                key={row}
                className={kind(row)}
                data-row={row}
                data-header={header && row >= header.start && row <= header.end ? 'true' : 'false'}
                title={`第 ${row} 行：点击设为表头行，按住 Shift 点击可把表头延到这一行`}
                onClick={(e: MouseEvent) => onPick(row, e.shiftKey)}
              >
                <th>{row}</th>
                {Array.from({ length: width }, (_, c) => (
                  <td key={c} title={cells[c] ?? ''}>
                    {cells[c] ?? ''}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
