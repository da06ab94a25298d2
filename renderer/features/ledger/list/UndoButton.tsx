import { RedoOutlined, UndoOutlined } from '@ant-design/icons';
import { Button, Space, Tooltip } from 'antd';
import dayjs from 'dayjs';
import type { UndoableStep } from '../../../../shared/ipc/changes';
import type { Undo } from './useUndo';

function describe(verb: string, step: UndoableStep, keys: string): string {
  return `${verb}：${step.action}（${step.actor}，${dayjs(step.at).format('M月D日 HH:mm')}，涉及 ${step.records} 条记录）· ${keys}`;
}

/** Names the steps they would act on, so the clerk knows what 撤销 and 重做 will do before pressing them. */
export function UndoButton({ undo }: { undo: Undo }) {
  const { step, redoStep, busy } = undo;
  return (
    <Space.Compact>
      <Tooltip title={step ? describe('撤销', step, 'Ctrl+Z') : '没有可撤销的操作'}>
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
      <Tooltip title={redoStep ? describe('重做', redoStep, 'Ctrl+Y 或 Ctrl+Shift+Z') : '没有可重做的操作'}>
        <Button
          data-testid="redo-button"
          aria-label={redoStep ? `重做：${redoStep.action}` : '重做'}
          icon={<RedoOutlined />}
          disabled={!redoStep || busy}
          onClick={undo.redo}
        />
      </Tooltip>
    </Space.Compact>
  );
}
