import { Alert, App, Form, Modal, Radio, Select, Typography, type ButtonProps } from 'antd';
import { useState } from 'react';
import { PARTY_ORG_TYPES } from '../../../shared/domain/labels';
import type { Lookups } from '../../../shared/domain/lookups';
import type { PartyOrgDetail } from '../../../shared/domain/party';
import type { OrgDeleteChoice } from '../../../shared/ipc/partyOrgs';
import { ApiError, call } from '../../api/client';
import { useLedgerNav } from '../ledger/navigation';

type Kind = OrgDeleteChoice['kind'];

/**
 * 删除党组织. While it covers enterprises the clerk must say what becomes of them — left without one (未建立) or
 * moved to another organisation — because deleting never unlinks them silently.
 */
export function DeleteOrgModal({
  org,
  lookups,
  onClose,
  onDeleted,
}: {
  org: PartyOrgDetail;
  lookups: Lookups | null;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const nav = useLedgerNav();
  const { message } = App.useApp();
  const [kind, setKind] = useState<Kind | null>(null);
  const [target, setTarget] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ field: 'kind' | 'target' | null; text: string } | null>(null);
  const covered = org.enterprises.length;

  const consequences = [
    org.subordinates.length > 0 && `${org.subordinates.length}个下级党组织将不再有上级党组织`,
    org.steps.length > 0 && `${org.steps.length}条组建步骤及其附件一并删除`,
  ].filter(Boolean);

  const submit = async () => {
    let enterprises: OrgDeleteChoice | undefined;
    if (covered > 0) {
      if (kind === null) return setProblem({ field: 'kind', text: '请选择所属企业的去向' });
      if (kind === 'move' && target === null) return setProblem({ field: 'target', text: '请选择转入的党组织' });
      enterprises = kind === 'move' ? { kind, orgId: target! } : { kind: 'unlink' };
    }
    setBusy(true);
    setProblem(null);
    try {
      await call('partyOrgs:delete', { id: org.id, enterprises });
      void message.success(`已删除“${org.name}”`);
      nav.changed();
      onDeleted();
    } catch (e) {
      const field = e instanceof ApiError ? e.field : undefined;
      const text = e instanceof ApiError ? e.message : '删除失败，请重试';
      setProblem({ field: field === 'enterprises.orgId' ? 'target' : field === 'enterprises' ? 'kind' : null, text });
    } finally {
      setBusy(false);
    }
  };

  const others = (lookups?.partyOrgs ?? [])
    .filter((o) => o.id !== org.id)
    .map((o) => ({ value: o.id, label: `${o.name}（${PARTY_ORG_TYPES[o.type]}）` }));

  return (
    <Modal
      open
      title={`删除“${org.name}”？`}
      okText="删除"
      okButtonProps={{ danger: true, 'data-testid': 'party-org-delete-ok' } as ButtonProps}
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={onClose}
      data-testid="party-org-delete-modal"
    >
      {covered > 0 && (
        <Form layout="vertical">
          <Form.Item
            label={`它覆盖的${covered}家企业将`}
            required
            validateStatus={problem?.field === 'kind' ? 'error' : undefined}
            help={problem?.field === 'kind' ? problem.text : undefined}
          >
            <Radio.Group
              value={kind}
              onChange={(e) => {
                setKind(e.target.value as Kind);
                setProblem(null);
              }}
              options={[
                { value: 'unlink', label: '改为未建立（不属于任何党组织）' },
                { value: 'move', label: '转入另一党组织' },
              ]}
              data-testid="party-org-delete-choice"
            />
          </Form.Item>
          {kind === 'move' && (
            <Form.Item
              label="转入的党组织"
              required
              validateStatus={problem?.field === 'target' ? 'error' : undefined}
              help={problem?.field === 'target' ? problem.text : undefined}
            >
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                options={others}
                value={target ?? undefined}
                onChange={(v: number) => {
                  setTarget(v);
                  setProblem(null);
                }}
                placeholder="选择党组织"
                notFoundContent="没有其他党组织"
                data-testid="party-org-delete-target"
              />
            </Form.Item>
          )}
        </Form>
      )}
      {consequences.length > 0 && <Typography.Paragraph>{consequences.join('；')}。</Typography.Paragraph>}
      <Typography.Paragraph type="secondary">删除后可通过“撤销”恢复。</Typography.Paragraph>
      {problem && problem.field === null && <Alert type="error" showIcon title={problem.text} />}
    </Modal>
  );
}
