import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Space } from 'antd';
import type { ReactNode, RefObject } from 'react';
import { focusFirstRow } from './KeyTable';

/** The search box, filters, a count and the 新增 button above a list. */
export function ListToolbar({
  search,
  onSearch,
  placeholder,
  searchLabel = '搜索',
  filters,
  summary,
  addText,
  onAdd,
  readOnly,
  rowsRef,
  testId,
}: {
  search: string;
  onSearch: (s: string) => void;
  placeholder: string;
  /** What the search box is for, read out by screen readers. */
  searchLabel?: string;
  filters?: ReactNode;
  /** After the filters: how many there are, for instance. */
  summary?: ReactNode;
  /** Without these there is no 新增 button (a list of records made elsewhere, such as a 名册). */
  addText?: string;
  onAdd?: () => void;
  readOnly?: boolean;
  /** The list below, for ↓ from the search box to reach its first row (a KeyTable). */
  rowsRef?: RefObject<HTMLElement | null>;
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
          aria-label={searchLabel}
          value={search}
          onChange={(e) => onSearch(e.target.value)}
          onKeyDown={(e) => {
            if (rowsRef && e.key === 'ArrowDown' && focusFirstRow(rowsRef.current)) e.preventDefault();
          }}
          style={{ width: 280 }}
          maxLength={50}
          data-testid={`${testId}-search`}
        />
        {filters}
        {summary}
      </Space>
      {onAdd && (
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={onAdd}
          disabled={readOnly}
          data-testid={`${testId}-add`}
        >
          {addText}
        </Button>
      )}
    </Flex>
  );
}
