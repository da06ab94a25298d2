import { EyeOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useState } from 'react';
import { isMasked } from '../../shared/domain/masking';
import type { PersonalEntity, PersonalField } from '../../shared/ipc/personal';
import { call } from '../api/client';
import { useErrorMessage } from './useErrorMessage';

/** Said wherever a full value can be asked for: the clerk should know before clicking that it leaves a trace. */
export const REVEAL_RECORDED = '查看完整信息会记入变更记录';

/** Asks the core for one full value; every call is recorded in the record's 变更记录. */
export function revealPersonal(entity: PersonalEntity, id: number, field: PersonalField): Promise<string> {
  return call('personal:reveal', { entity, id, field }).then((r) => r.value);
}

/** The small 显示 action beside a masked value (an eye and the word, so it reads without the icon). */
export function RevealButton({
  onClick,
  loading,
  disabled,
  testId,
}: {
  onClick: () => void;
  loading: boolean;
  disabled?: boolean;
  testId: string;
}) {
  return (
    <Tooltip title={REVEAL_RECORDED}>
      <Button
        type="link"
        size="small"
        icon={<EyeOutlined />}
        loading={loading}
        disabled={disabled}
        onClick={(e) => {
          // Inside a clickable row or card the click is this button's alone.
          e.stopPropagation();
          onClick();
        }}
        data-testid={testId}
      >
        显示
      </Button>
    </Tooltip>
  );
}

/**
 * A 身份证号 or phone number on a record's page: masked as the core sends it, with 显示 to see the full value in
 * place. The full value lives only in this component, so it is gone once the page closes (or shows another record);
 * seeing it again is a new, recorded reveal.
 */
export function PersonalValue({
  entity,
  id,
  field,
  value,
  testId,
  monospace = false,
  onRevealed,
}: {
  entity: PersonalEntity;
  id: number;
  field: PersonalField;
  value: string | null | undefined;
  /** Prefix: `${testId}` on the value, `${testId}-reveal` on the action. */
  testId: string;
  monospace?: boolean;
  /** After a reveal, so a 变更记录 shown nearby can read the new entry. */
  onRevealed?: () => void;
}) {
  const showError = useErrorMessage();
  // Tied to what it was revealed for, so a reused page showing another record or a changed value starts masked.
  const [revealed, setRevealed] = useState<{ key: string; value: string } | null>(null);
  const [loading, setLoading] = useState(false);
  const key = `${entity}:${id}:${field}:${value ?? ''}`;
  const full = revealed?.key === key ? revealed.value : null;

  if (!value || !value.trim()) return <span data-testid={testId}>—</span>;

  const reveal = () => {
    setLoading(true);
    revealPersonal(entity, id, field)
      .then((v) => {
        setRevealed({ key, value: v });
        onRevealed?.();
      }, showError)
      .finally(() => setLoading(false));
  };

  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      <span data-testid={testId} style={monospace ? { fontFamily: 'monospace' } : undefined}>
        {full === null ? value : full || '—'}
      </span>
      {full === null && isMasked(value) && (
        <RevealButton onClick={reveal} loading={loading} testId={`${testId}-reveal`} />
      )}
    </span>
  );
}
