import { Button, Space, Typography } from 'antd';
import { BULK_FIELDS, type BulkField } from './BulkEditModal';

interface Props {
  total: number | null;
  filtered: boolean;
  /** Some rows could not be read (the error has been shown). */
  failed: boolean;
  onRetry(): void;
  /** False in a read-only ledger: nothing can be selected or changed. */
  editable: boolean;
  selectedCount: number;
  selectingAll: boolean;
  onSelectAll(): void;
  onBulk(field: BulkField): void;
  onClearSelection(): void;
}

/** The line above the grid: how many enterprises match, and what to do with the ticked ones. */
export function SelectionBar(props: Props) {
  const { total, filtered, editable, selectedCount } = props;
  return (
    <Space wrap size="small" style={{ minHeight: 32, marginBottom: 8 }}>
      {total !== null && (
        <Typography.Text>
          <span>共 {total} 家</span>
          {filtered && <Typography.Text type="secondary">（已按条件筛选）</Typography.Text>}
        </Typography.Text>
      )}
      {total === null && !props.failed && <Typography.Text type="secondary">正在载入…</Typography.Text>}
      {props.failed && (
        <Typography.Text type="danger">
          未能读取企业列表
          <Button size="small" type="link" onClick={props.onRetry}>
            重试
          </Button>
        </Typography.Text>
      )}
      {editable && selectedCount > 0 && (
        <>
          <Typography.Text strong data-testid="selected-count">
            已选 {selectedCount} 家
          </Typography.Text>
          {(Object.keys(BULK_FIELDS) as BulkField[]).map((field) => (
            <Button key={field} size="small" onClick={() => props.onBulk(field)}>
              {BULK_FIELDS[field].action}
            </Button>
          ))}
          <Button size="small" type="text" onClick={props.onClearSelection}>
            取消选择
          </Button>
        </>
      )}
      {editable && total !== null && total > 0 && selectedCount < total && (
        <Button size="small" type="link" loading={props.selectingAll} onClick={props.onSelectAll}>
          全选结果（{total} 家）
        </Button>
      )}
    </Space>
  );
}
