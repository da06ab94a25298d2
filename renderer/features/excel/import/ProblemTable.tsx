import { Button, Input, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { ImportPreviewRow, ImportProblem } from '../../../../shared/ipc/imports';

export interface FlaggedCell extends ImportProblem {
  key: string;
  severity: 'problem' | 'warning';
  /** The field the clerk's correction goes into; null when the problem is not about one cell. */
  field: string | null;
  /** The row's enterprise (or person) as the sheet names it. */
  name: string;
  /** The field holds a number: the clerk is asked for digits (约50 → 50). */
  numeric: boolean;
}

/** Every problem (or every warning) of the previewed rows, one line each, with the field a fix would go into. */
export function flaggedCells(
  rows: ImportPreviewRow[],
  severity: FlaggedCell['severity'],
  fieldOf: (p: ImportProblem) => string | null,
  numeric: (field: string) => boolean,
): FlaggedCell[] {
  return rows.flatMap((r) =>
    (severity === 'problem' ? r.problems : r.warnings).map((p, i) => {
      const field = fieldOf(p);
      return {
        ...p,
        key: `${severity}:${r.row}:${i}`,
        severity,
        field,
        name: r.name,
        numeric: field !== null && numeric(field),
      };
    }),
  );
}

/** The clerk's value for one flagged cell (an approximate 约50 becomes 50); Enter or 改正 applies it. */
function FixCell({ cell, onFix }: { cell: FlaggedCell; onFix: (row: number, field: string, value: string) => void }) {
  const [value, setValue] = useState('');
  if (!cell.field) return <Typography.Text type="secondary">—</Typography.Text>;
  const field = cell.field;
  const apply = () => value.trim() !== '' && onFix(cell.row, field, value.trim());
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Input
        size="small"
        aria-label={`第${cell.row}行“${cell.column}”改为`}
        placeholder={cell.numeric ? '填写确切的数字' : '填写正确的值'}
        value={value}
        maxLength={500}
        inputMode={cell.numeric ? 'numeric' : undefined}
        onChange={(e) => setValue(e.target.value)}
        onPressEnter={apply}
        data-testid="import-fix-input"
      />
      <Button size="small" type="primary" onClick={apply} disabled={value.trim() === ''} data-testid="import-fix-apply">
        改正
      </Button>
    </Space.Compact>
  );
}

/**
 * The flagged cells of the preview: row number (as the sheet numbers it), column, the value as written, the reason.
 * A cell the clerk can correct has an input: the value typed replaces the file's for that row and the preview runs
 * again. The file itself is never changed.
 */
export function ProblemTable({
  cells,
  onFix,
  busy,
  testId,
}: {
  cells: FlaggedCell[];
  onFix: (row: number, field: string, value: string) => void;
  busy: boolean;
  testId: string;
}) {
  return (
    <Table<FlaggedCell>
      size="small"
      rowKey="key"
      data-testid={testId}
      dataSource={cells}
      loading={busy}
      pagination={cells.length > 50 ? { pageSize: 50, showSizeChanger: false, size: 'small' } : false}
      scroll={{ y: 'calc(100vh - 520px)' }}
      onRow={(c) => ({ 'data-testid': 'import-problem', 'data-row': c.row, 'data-column': c.column }) as object}
      locale={{ emptyText: '没有' }}
      columns={[
        { key: 'row', title: '行号', dataIndex: 'row', width: 64 },
        { key: 'name', title: '名称', dataIndex: 'name', width: 180, ellipsis: true },
        { key: 'column', title: '列', dataIndex: 'column', width: 140, ellipsis: true },
        {
          key: 'value',
          title: '表格中的值',
          dataIndex: 'value',
          width: 140,
          ellipsis: true,
          render: (v: string) => (v === '' ? <Typography.Text type="secondary">（空）</Typography.Text> : v),
        },
        {
          key: 'reason',
          title: '原因',
          dataIndex: 'reason',
          render: (reason: string, c) => (
            <span>
              {c.severity === 'warning' && <Tag color="gold">提醒</Tag>}
              {reason}
            </span>
          ),
        },
        {
          key: 'fix',
          title: '改正',
          width: 220,
          render: (_, c) => <FixCell key={c.key} cell={c} onFix={onFix} />,
        },
      ]}
    />
  );
}
