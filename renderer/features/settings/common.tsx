import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Typography } from 'antd';
import { useCallback, type ReactNode } from 'react';
import type { Lookups } from '../../../shared/domain/lookups';
import { useErrorMessage } from '../../components/useErrorMessage';

/** What every list section of the settings screen gets. */
export interface ListSectionProps {
  lookups: Lookups;
  readOnly: boolean;
  /** After a change went through: reloads the lists and tells the rest of the program. */
  onSaved: () => void;
}

export function ListToolbar({
  hint,
  addText,
  onAdd,
  readOnly,
}: {
  hint: ReactNode;
  addText: string;
  onAdd: () => void;
  readOnly: boolean;
}) {
  return (
    <Flex justify="space-between" align="center" gap={16} style={{ marginBottom: 12 }}>
      <Typography.Text type="secondary">{hint}</Typography.Text>
      <Button type="primary" icon={<PlusOutlined />} onClick={onAdd} disabled={readOnly}>
        {addText}
      </Button>
    </Flex>
  );
}

/**
 * Asks before deleting an entry, naming it and saying what else the deletion changes; every deletion is one step
 * that 撤销 takes back, so the dialog says so instead of "cannot be undone".
 */
export function useConfirmDelete(onSaved: () => void) {
  const { message, modal } = App.useApp();
  const showError = useErrorMessage();
  return useCallback(
    ({ name, consequence, run }: { name: string; consequence?: string; run: () => Promise<unknown> }) => {
      modal.confirm({
        title: `删除“${name}”？`,
        content: `${consequence ?? ''}删除后可通过“撤销”恢复。`,
        okText: '删除',
        okType: 'danger',
        cancelText: '取消',
        onOk: async () => {
          try {
            await run();
            void message.success(`已删除“${name}”`);
            onSaved();
          } catch (e) {
            showError(e);
          }
        },
      });
    },
    [message, modal, onSaved, showError],
  );
}

/** The 编辑 and 删除 links of one row. */
export function RowActions({
  onEdit,
  onDelete,
  readOnly,
  deleteBlocked,
}: {
  onEdit: () => void;
  onDelete: () => void;
  readOnly: boolean;
  /** Why this entry cannot be deleted now, shown in place of the link. */
  deleteBlocked?: string;
}) {
  return (
    <Flex gap={4}>
      <Button type="link" size="small" onClick={onEdit} disabled={readOnly}>
        修改
      </Button>
      {deleteBlocked ? (
        <Typography.Text type="secondary" style={{ fontSize: 12, lineHeight: '24px' }}>
          {deleteBlocked}
        </Typography.Text>
      ) : (
        <Button type="link" size="small" danger onClick={onDelete} disabled={readOnly}>
          删除
        </Button>
      )}
    </Flex>
  );
}
