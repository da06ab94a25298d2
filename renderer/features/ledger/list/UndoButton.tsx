import { UndoOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import dayjs from 'dayjs';
import type { Undo } from './useUndo';

/** Names the step it would take back, so the clerk knows what 撤销 will do before pressing it. */
export function UndoButton({ undo }: { undo: Undo }) {
  const { step, busy } = undo;
  const hint = step
    ? `撤销：${step.action}（${step.actor}，${dayjs(step.at).format('M月D日 HH:mm')}，涉及 ${step.records} 条记录）· Ctrl+Z`
    : '没有可撤销的操作';
  return (
    <Tooltip title={hint}>
      <Button
        data-testid="undo-button"
        icon={<UndoOutlined />}
        disabled={!step}
        loading={busy}
        onClick={undo.undo}
        autoInsertSpace={false}
        style={{ maxWidth: 280 }}
      >
        <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{step ? `撤销：${step.action}` : '撤销'}</span>
      </Button>
    </Tooltip>
  );
}
