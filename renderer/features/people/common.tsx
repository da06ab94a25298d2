import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Flex, Space, Table, Typography, type TableColumnType, type TableColumnsType } from 'antd';
import type { HTMLAttributes, ReactNode } from 'react';
import type { Lookups } from '../../../shared/domain/lookups';
import { RowActions } from '../settings/common';
import { OpenLink } from '../../components/OpenLink';

/** What each people list gets from the ledger screen: the lists, and which record's page is open. */
export interface PeopleScreenProps {
  lookups: Lookups | null;
  openId: number | null;
  /** Opens a record's page; null closes it. */
  onOpen: (id: number | null) => void;
}

/**
 * Whether a person matches what was typed: part of the name, the post or the phone number as shown (masked: its last
 * four digits). These lists are short and already on screen, so they are narrowed here rather than asked of the core.
 */
export function matchesText(search: string, ...fields: (string | null | undefined)[]): boolean {
  const q = search.trim().toLowerCase();
  return q === '' || fields.some((f) => !!f && f.toLowerCase().includes(q));
}

/** A date with 已逾期/即将到期 colouring, for follow-up and due dates. */
export function DueDate({ due, today, done = false }: { due: string | null; today: string; done?: boolean }) {
  if (!due) return <>—</>;
  if (done) return <Typography.Text type="secondary">{due}（已跟进）</Typography.Text>;
  if (due < today)
    return (
      <Typography.Text type="danger" strong data-overdue="true">
        {due}（已逾期）
      </Typography.Text>
    );
  return <Typography.Text type={due === today ? 'warning' : undefined}>{due}</Typography.Text>;
}

/** The heading of a part of a record's page, with its action (新增…) on the right. */
export function SectionTitle({ title, action }: { title: string; action?: ReactNode }) {
  return (
    <Flex justify="space-between" align="center" style={{ margin: '20px 0 8px' }}>
      <Typography.Title level={5} style={{ margin: 0, paddingLeft: 8, borderLeft: '3px solid #b71c1c' }}>
        {title}
      </Typography.Title>
      {action}
    </Flex>
  );
}

/**
 * A people list, with every row opening its record's page. `testId` is the same prefix as the toolbar's:
 * `${testId}-table`, and `${testId}-row` with `data-id` on each row.
 */
export function PeopleTable<T extends { id: number }>({
  testId,
  rows,
  columns,
  loading,
  onOpen,
}: {
  testId: string;
  rows: T[];
  columns: TableColumnsType<T>;
  loading: boolean;
  onOpen: (id: number) => void;
}) {
  return (
    <Table<T>
      rowKey="id"
      size="small"
      loading={loading}
      pagination={false}
      columns={columns}
      dataSource={rows}
      data-testid={`${testId}-table`}
      onRow={(row) =>
        ({
          onClick: () => onOpen(row.id),
          style: { cursor: 'pointer' },
          'data-testid': `${testId}-row`,
          'data-id': row.id,
        }) as HTMLAttributes<HTMLElement>
      }
    />
  );
}

/** The name column of a people list: a link to the record's page (`${testId}-open`), for the keyboard. */
export function nameColumn<T extends { id: number; name: string }>(
  title: string,
  testId: string,
  onOpen: (id: number) => void,
): TableColumnType<T> {
  return {
    title,
    dataIndex: 'name',
    render: (name: string, row) => (
      <OpenLink onOpen={() => onOpen(row.id)} testId={`${testId}-open`}>
        {name}
      </OpenLink>
    ),
  };
}

/** 修改 and 删除 of a people list's row; a click on them must not also open the record, as a click on the row does. */
export function rowActionsColumn<T>(
  readOnly: boolean,
  onEdit: (row: T) => void,
  onDelete: (row: T) => void,
): TableColumnType<T> {
  return {
    title: '操作',
    key: 'actions',
    render: (_, row) => (
      <span onClick={(e) => e.stopPropagation()}>
        <RowActions readOnly={readOnly} onEdit={() => onEdit(row)} onDelete={() => onDelete(row)} />
      </span>
    ),
  };
}

/** What a record's page (a drawer) gets from its list: which record, and the list's own 修改 and 删除. */
export interface RecordPageProps<T> {
  /** null: closed. */
  id: number | null;
  onClose: () => void;
  onEdit: (record: T) => void;
  onDelete: (record: T) => void;
}

/** 修改 and 删除 at the top of a record's page, after the page's own main action when it has one (`children`). */
export function RecordActions({
  readOnly,
  onEdit,
  onDelete,
  children,
}: {
  readOnly: boolean;
  onEdit: () => void;
  onDelete: () => void;
  children?: ReactNode;
}) {
  return (
    <Space>
      {children}
      <Button icon={<EditOutlined />} disabled={readOnly} onClick={onEdit}>
        修改
      </Button>
      <Button danger icon={<DeleteOutlined />} disabled={readOnly} onClick={onDelete}>
        删除
      </Button>
    </Space>
  );
}
