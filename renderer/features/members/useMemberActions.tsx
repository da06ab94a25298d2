import { App } from 'antd';
import { useState, type ReactNode } from 'react';
import type { MemberListRow } from '../../../shared/domain/party';
import { call } from '../../api/client';
import { useErrorMessage } from '../../components/useErrorMessage';
import { useLedgerNav } from '../ledger/navigation';
import type { RowActionHandlers } from './memberParts';
import { TransferModal } from './TransferModal';

/** 转接 and 删除 for a row of any member list, with the dialog they need. */
export function useMemberActions(onDeleted?: (m: MemberListRow) => void): RowActionHandlers & { dialogs: ReactNode } {
  const nav = useLedgerNav();
  const { message, modal } = App.useApp();
  const showError = useErrorMessage();
  const [transferring, setTransferring] = useState<MemberListRow | null>(null);

  const onDelete = (m: MemberListRow) =>
    modal.confirm({
      title: `删除党员“${m.name}”？`,
      content: `将从“${m.enterpriseName}”的名册中删除，该企业的党员人数随之减少。组织关系转出请用“转接”。删除后可通过“撤销”恢复。`,
      okText: '删除',
      okType: 'danger',
      cancelText: '取消',
      onOk: async () => {
        try {
          await call('members:delete', { id: m.id });
          void message.success(`已删除党员“${m.name}”`);
          onDeleted?.(m);
          nav.changed();
        } catch (e) {
          showError(e);
        }
      },
    });

  return {
    readOnly: nav.readOnly,
    onTransfer: setTransferring,
    onDelete,
    dialogs: transferring && (
      <TransferModal member={transferring} onClose={() => setTransferring(null)} onDone={() => setTransferring(null)} />
    ),
  };
}
