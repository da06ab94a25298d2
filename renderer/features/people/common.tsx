import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Space, Typography } from 'antd';
import type { ReactNode } from 'react';

/** The search box, filters and 新增 button above a people list. */
export function PeopleToolbar({
  search,
  onSearch,
  placeholder,
  filters,
  addText,
  onAdd,
  readOnly,
  testId,
}: {
  search: string;
  onSearch: (s: string) => void;
  placeholder: string;
  filters?: ReactNode;
  addText: string;
  onAdd: () => void;
  readOnly: boolean;
  /** Prefix of the data-testids: `${testId}-search`, `${testId}-add`. */
  testId: string;
}) {
  return (
    <Flex justify="space-between" align="center" gap={16} wrap style={{ marginBottom: 12 }}>
      <Space wrap size={[8, 8]}>
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder={placeholder}
          aria-label="搜索"
          value={search}
          onChange={(e) => onSearch(e.target.value)}
          style={{ width: 260 }}
          data-testid={`${testId}-search`}
        />
        {filters}
      </Space>
      <Button type="primary" icon={<PlusOutlined />} onClick={onAdd} disabled={readOnly} data-testid={`${testId}-add`}>
        {addText}
      </Button>
    </Flex>
  );
}

/**
 * Whether a person matches what was typed: part of the name, the post or the phone number. These lists are short
 * and already on screen, so they are narrowed here rather than asked of the core.
 */
export function matchesText(search: string, ...fields: (string | null | undefined)[]): boolean {
  const q = search.trim().toLowerCase();
  return q === '' || fields.some((f) => !!f && f.toLowerCase().includes(q));
}

/** A name that opens its record: a button that looks like a link, so Tab reaches it and Enter opens it. */
export function OpenLink({
  children,
  onOpen,
  testId,
  nowrap = false,
}: {
  children: ReactNode;
  onOpen: () => void;
  testId?: string;
  /** Keep on one line (a date). */
  nowrap?: boolean;
}) {
  return (
    <Button
      type="link"
      size="small"
      style={{ padding: 0, height: 'auto', whiteSpace: nowrap ? 'nowrap' : 'normal', textAlign: 'start' }}
      onClick={(e) => {
        // The row's own click opens the same record; once is enough.
        e.stopPropagation();
        onOpen();
      }}
      data-testid={testId}
    >
      {children}
    </Button>
  );
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
