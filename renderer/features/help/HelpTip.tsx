import { QuestionCircleOutlined } from '@ant-design/icons';
import { Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { FIELD_HELP, type FieldHelpId } from '../../../shared/domain/fieldHelp';

/** A small question-mark icon beside a label or a column title; hovering it shows `text`. */
export function HelpTip({ text, testId }: { text: string; testId?: string }) {
  return (
    <Tooltip title={text} styles={{ root: { maxWidth: 420 } }}>
      <QuestionCircleOutlined
        style={{ marginLeft: 4, color: 'rgba(0, 0, 0, 0.45)', cursor: 'help' }}
        aria-label="说明"
        data-testid={testId}
      />
    </Tooltip>
  );
}

/** A label with its field's definition beside it: the detail views say what the form's tooltips say. */
export function HelpLabel({ field, children }: { field: FieldHelpId; children: ReactNode }) {
  return (
    <span>
      {children}
      <HelpTip text={FIELD_HELP[field]} testId={`help-tip-${field}`} />
    </span>
  );
}
