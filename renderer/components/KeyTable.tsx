import { Table, type TableProps } from 'antd';
import type { HTMLAttributes, KeyboardEvent } from 'react';
import './keyTable.css';

type KeyTableProps<T extends { id: number }> = Omit<TableProps<T>, 'rowKey' | 'onRow'> & {
  onOpen: (row: T) => void;
  /** The record whose drawer is open: its row is marked. */
  openId?: number | null;
  /** data-testid of every row; the row also carries data-id. */
  rowTestId: string;
};

const rowsOf = (tr: HTMLElement) =>
  Array.from(tr.parentElement?.querySelectorAll<HTMLElement>(':scope > tr[tabindex]') ?? []);

/** Focus the first row of the table inside `container` (↓ from a search box). */
export function focusFirstRow(container: HTMLElement | null): boolean {
  const row = container?.querySelector<HTMLElement>('.ant-table-tbody > tr[tabindex]');
  row?.focus();
  return !!row;
}

/**
 * A plain antd table the keyboard can drive like the ledger's grid: Tab reaches the rows, ↑↓ Home End move,
 * Enter opens the record. These lists are short enough to render whole.
 */
export function KeyTable<T extends { id: number }>({
  onOpen,
  openId,
  rowTestId,
  className,
  ...table
}: KeyTableProps<T>) {
  const onKeyDown = (e: KeyboardEvent<HTMLElement>, row: T) => {
    // Keys pressed on a button or link inside the row belong to that control.
    if (e.target !== e.currentTarget) return;
    const rows = rowsOf(e.currentTarget);
    const at = rows.indexOf(e.currentTarget);
    let to: number | null = null;
    if (e.key === 'ArrowDown') to = at + 1;
    else if (e.key === 'ArrowUp') to = at - 1;
    else if (e.key === 'Home') to = 0;
    else if (e.key === 'End') to = rows.length - 1;
    else if (e.key === 'Enter') {
      e.preventDefault();
      onOpen(row);
      return;
    } else return;
    e.preventDefault();
    rows[Math.max(0, Math.min(rows.length - 1, to))]?.focus();
  };

  return (
    <Table<T>
      size="small"
      {...table}
      className={['yqyc-key-table', className].filter(Boolean).join(' ')}
      rowKey="id"
      rowClassName={(row) => (row.id === openId ? 'yqyc-row-open' : '')}
      onRow={(row) =>
        ({
          tabIndex: 0,
          'data-testid': rowTestId,
          'data-id': row.id,
          onClick: () => onOpen(row),
          onKeyDown: (e: KeyboardEvent<HTMLElement>) => onKeyDown(e, row),
        }) as HTMLAttributes<HTMLElement>
      }
    />
  );
}
