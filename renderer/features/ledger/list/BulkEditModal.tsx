import { App, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { OPERATING_STATUSES, type OperatingStatus } from '../../../../shared/domain/labels';
import type { Lookups } from '../../../../shared/domain/lookups';
import type { BulkPatch } from '../../../../shared/ipc/enterprises';
import { call } from '../../../api/client';
import { useErrorMessage } from '../../../components/useErrorMessage';

export type BulkField = 'areaId' | 'workGroupId' | 'instructorId' | 'leaderId' | 'operatingStatus';

/** Each bulk action: its button, the field's name in the confirmation, and what "（清除）" means for it. */
export const BULK_FIELDS: Record<BulkField, { action: string; label: string; cleared?: string }> = {
  areaId: { action: '修改所在区域', label: '所在区域' },
  workGroupId: { action: '修改推进组', label: '推进组', cleared: '未分组' },
  instructorId: { action: '修改指导员', label: '指导员', cleared: '无指导员' },
  leaderId: { action: '修改联系领导', label: '联系领导', cleared: '无联系领导' },
  operatingStatus: { action: '修改经营状况', label: '经营状况' },
};

/** Ids are positive, so 0 can stand for "（清除）". */
const CLEAR = 0;

type Choice = number | OperatingStatus;

function optionsFor(field: BulkField, lookups: Lookups | null): { value: Choice; label: string }[] {
  const clear = { value: CLEAR, label: '（清除）' };
  switch (field) {
    case 'areaId':
      return (lookups?.areas ?? []).map((a) => ({ value: a.id, label: a.name }));
    case 'workGroupId':
      return [clear, ...(lookups?.workGroups ?? []).map((g) => ({ value: g.id, label: g.name }))];
    case 'instructorId':
      return [clear, ...(lookups?.instructors ?? []).map((i) => ({ value: i.id, label: i.name }))];
    case 'leaderId':
      return [clear, ...(lookups?.leaders ?? []).map((l) => ({ value: l.id, label: l.name }))];
    case 'operatingStatus':
      return Object.entries(OPERATING_STATUSES).map(([value, label]) => ({ value: value as OperatingStatus, label }));
  }
}

function patchFor(field: BulkField, choice: Choice): BulkPatch {
  const id = typeof choice === 'number' && choice !== CLEAR ? choice : null;
  switch (field) {
    case 'areaId':
      return { areaId: id ?? 0 };
    case 'workGroupId':
      return { workGroupId: id };
    case 'instructorId':
      return { instructorId: id };
    case 'leaderId':
      return { leaderId: id };
    case 'operatingStatus':
      return { operatingStatus: choice as OperatingStatus };
  }
}

interface Props {
  field: BulkField;
  ids: ReadonlySet<number>;
  lookups: Lookups | null;
  onClose(): void;
  onDone(): void;
}

/** One field set on every selected enterprise, as one step 撤销 can take back. */
export function BulkEditModal({ field, ids, lookups, onClose, onDone }: Props) {
  const { message } = App.useApp();
  const showError = useErrorMessage();
  const [choice, setChoice] = useState<Choice | null>(null);
  const [busy, setBusy] = useState(false);
  const { action, label, cleared } = BULK_FIELDS[field];
  const options = optionsFor(field, lookups);
  const chosen = options.find((o) => o.value === choice);

  const submit = async () => {
    if (choice === null) return;
    setBusy(true);
    try {
      const { changed } = await call('enterprises:bulkUpdate', { ids: [...ids], patch: patchFor(field, choice) });
      const unchanged = ids.size - changed;
      void message.success(
        unchanged > 0 ? `已修改 ${changed} 家企业（另有 ${unchanged} 家原本如此）` : `已修改 ${changed} 家企业`,
      );
      onDone();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={`${action}（已选 ${ids.size} 家）`}
      okText="确定"
      cancelText="取消"
      okButtonProps={{ disabled: choice === null, autoInsertSpace: false }}
      cancelButtonProps={{ autoInsertSpace: false }}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={onClose}
      width={440}
    >
      <Select<Choice>
        style={{ width: '100%' }}
        placeholder={`选择${label}`}
        aria-label={label}
        options={options}
        value={choice ?? undefined}
        onChange={setChoice}
        showSearch={{ optionFilterProp: 'label' }}
        autoFocus
      />
      {chosen && (
        <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }} data-testid="bulk-confirm">
          {chosen.value === CLEAR
            ? `将 ${ids.size} 家企业的${label}清除（改为${cleared}）`
            : `将 ${ids.size} 家企业的${label}改为 ${chosen.label}`}
        </Typography.Paragraph>
      )}
    </Modal>
  );
}
