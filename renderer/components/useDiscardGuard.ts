import { App } from 'antd';

/**
 * What closing a form does: closes at once when nothing was changed, else asks before the changes are lost. While
 * a save is under way it does nothing, since the save decides whether the form closes.
 *
 * `what` names what is being edited, as the question's subject: '这名党员的信息' → 这名党员的信息有改动还没有保存….
 */
export function useDiscardGuard({
  what,
  hasChanges,
  saving,
  onClose,
}: {
  what: string;
  hasChanges: () => boolean;
  saving: boolean;
  onClose: () => void;
}): () => void {
  const { modal } = App.useApp();
  return () => {
    if (saving) return;
    if (!hasChanges()) return onClose();
    modal.confirm({
      title: '放弃未保存的内容？',
      content: `${what}有改动还没有保存，关闭后将丢失。`,
      okText: '放弃并关闭',
      okType: 'danger',
      cancelText: '继续填写',
      onOk: onClose,
    });
  };
}
