import { Alert, Button, Flex } from 'antd';
import type { ReactNode } from 'react';

/** Where a keyboard shortcut is shown on its button, so the clerk learns it from the mouse. */
export function ShortcutHint({ children }: { children: string }) {
  return <span style={{ marginInlineStart: 6, fontSize: 12, opacity: 0.7 }}>{children}</span>;
}

/**
 * The foot of a drawer form: the problem of the last save (one that belongs to no field), 取消 and 保存 (Ctrl+S).
 * 取消 goes through the form's discard check, like the drawer's own close button.
 */
export function FormDrawerFooter({
  testId,
  problem,
  notice,
  onCancel,
  otherButtons,
  onSave,
  saving,
  saveDisabled,
}: {
  /** Prefix of the data-testids: `${testId}-form-error`, `${testId}-save`. */
  testId: string;
  problem: string | null;
  /** Shown below the problem: something that did not stop the form but leaves it short (a list that failed to load). */
  notice?: ReactNode;
  onCancel: () => void;
  /** Between 取消 and 保存, such as 保存并新增. */
  otherButtons?: ReactNode;
  onSave: () => void;
  saving: boolean;
  /** Until there is something to save, such as while the record is being read. */
  saveDisabled?: boolean;
}) {
  return (
    <Flex vertical gap={8}>
      {problem && <Alert type="error" showIcon title={problem} data-testid={`${testId}-form-error`} />}
      {notice}
      <Flex justify="end" gap={8}>
        <Button onClick={onCancel}>取消</Button>
        {otherButtons}
        <Button type="primary" onClick={onSave} loading={saving} disabled={saveDisabled} data-testid={`${testId}-save`}>
          保存<ShortcutHint>Ctrl+S</ShortcutHint>
        </Button>
      </Flex>
    </Flex>
  );
}
