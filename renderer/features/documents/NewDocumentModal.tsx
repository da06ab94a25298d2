import { Form, Modal, Radio, Select, type ButtonProps } from 'antd';
import { useEffect, useState } from 'react';
import { DOC_SOURCES, type DocSource } from '../../../shared/documents/model';
import type { Campaign } from '../../../shared/domain/plans';
import { ATTACHABLE_TABLES, type DocumentDetail, type DraftRequest } from '../../../shared/ipc/documents';
import type { Lookups } from '../../../shared/domain/lookups';
import { call } from '../../api/client';
import { showCoreErrorOnField } from '../../components/formErrors';
import { useErrorMessage } from '../../components/useErrorMessage';
import { EnterpriseSelect } from '../people/EnterpriseSelect';

type Values = Omit<DraftRequest, 'source'> & { source: DocSource };

const draftFieldOf = (f: string | undefined) =>
  f === 'enterpriseId' || f === 'campaignId' || f === 'table' || f === 'areaId' ? f : null;

/**
 * 新建公文: a blank form or one pre-filled from the ledger — a 批复 asks which enterprise, a campaign notice which
 * campaign, a table notice which table (and, if wanted, which area). Nothing is numbered until it is issued.
 */
export function NewDocumentModal({
  open,
  lookups,
  onCancel,
  onCreated,
}: {
  open: boolean;
  lookups: Lookups | null;
  onCancel: () => void;
  onCreated: (doc: DocumentDetail) => void;
}) {
  const [form] = Form.useForm<Values>();
  const showError = useErrorMessage();
  const source = Form.useWatch('source', form);
  const [campaigns, setCampaigns] = useState<Campaign[] | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open || source !== 'campaign-notice' || campaigns) return;
    call('campaigns:list', {}).then(setCampaigns, showError);
  }, [open, source, campaigns, showError]);

  const create = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      // Only what the chosen kind asks for goes along: a choice left over from another kind must not.
      const request: DraftRequest = {
        source: v.source,
        enterpriseId: v.source === 'approval' ? (v.enterpriseId ?? null) : null,
        campaignId: v.source === 'campaign-notice' ? (v.campaignId ?? null) : null,
        areaId: v.source === 'table-notice' ? (v.areaId ?? null) : null,
        table: v.source === 'table-notice' ? v.table : undefined,
      };
      onCreated(await call('documents:draft', request));
      form.resetFields();
    } catch (e) {
      if (!showCoreErrorOnField(form, e, draftFieldOf)) showError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title="新建公文"
      okText="生成草稿"
      cancelText="取消"
      onOk={() => void create()}
      onCancel={onCancel}
      okButtonProps={{ loading: busy, 'data-testid': 'doc-new-ok' } as ButtonProps}
      destroyOnHidden
      data-testid="doc-new-modal"
    >
      <Form<Values> form={form} layout="vertical" initialValues={{ source: 'blank' }} preserve={false}>
        <Form.Item label="公文类型" name="source">
          <Radio.Group
            style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
            options={Object.entries(DOC_SOURCES).map(([value, label]) => ({ value, label }))}
            data-testid="doc-new-source"
          />
        </Form.Item>
        {source === 'approval' && (
          <Form.Item label="企业" name="enterpriseId" rules={[{ required: true, message: '请选择要批复的企业' }]}>
            <EnterpriseSelect placeholder="输入企业名称或拼音首字母" data-testid="doc-new-enterprise" />
          </Form.Item>
        )}
        {source === 'campaign-notice' && (
          <Form.Item label="专项行动" name="campaignId" rules={[{ required: true, message: '请选择专项行动' }]}>
            <Select
              loading={!campaigns}
              options={(campaigns ?? []).map((c) => ({ value: c.id, label: c.name }))}
              data-testid="doc-new-campaign"
            />
          </Form.Item>
        )}
        {source === 'table-notice' && (
          <>
            <Form.Item label="附件表格" name="table" rules={[{ required: true, message: '请选择附件表格' }]}>
              <Select
                options={Object.entries(ATTACHABLE_TABLES).map(([value, label]) => ({ value, label }))}
                data-testid="doc-new-table"
              />
            </Form.Item>
            <Form.Item label="区域" name="areaId" extra="不选则为全镇">
              <Select
                allowClear
                showSearch
                optionFilterProp="label"
                options={(lookups?.areas ?? []).map((a) => ({ value: a.id, label: a.name }))}
                data-testid="doc-new-area"
              />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
