import { EditOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Drawer, Form, Spin } from 'antd';
import { useState } from 'react';
import type { LeaderItem } from '../../../shared/domain/party';
import { call } from '../../api/client';
import { orDash } from '../../components/format';
import { PersonalValue } from '../../components/PersonalValue';
import { useLedgerNav } from '../ledger/navigation';
import { ItemModal } from '../settings/ItemModal';
import { RecordActions, SectionTitle, type RecordPageProps } from './common';
import { EnterpriseSelect, type EnterpriseOption } from './EnterpriseSelect';
import { LinkedEnterprises } from './LinkedEnterprises';
import { useRecord } from './useRecord';

/** A leader's page: their 联系点 enterprises with the last visit at each; the set is chosen here. */
export function LeaderDetail({ id, onClose, onEdit, onDelete }: RecordPageProps<LeaderItem>) {
  const nav = useLedgerNav();
  const { message } = App.useApp();
  const detail = useRecord('leaders:detail', id, nav.generation, onClose);
  const [choosing, setChoosing] = useState(false);
  const leader = detail?.leader;
  const known: EnterpriseOption[] = detail?.enterprises.map((e) => ({ id: e.id, name: e.name })) ?? [];

  const setEnterprises = async ({ enterpriseIds }: { enterpriseIds: number[] }) => {
    if (!leader) return;
    await call('leaders:setEnterprises', { id: leader.id, enterpriseIds });
    void message.success(`已设置${leader.name}的联系点（${enterpriseIds.length}家企业）`);
    setChoosing(false);
    nav.changed();
  };

  const actions = leader && (
    <RecordActions readOnly={nav.readOnly} onEdit={() => onEdit(leader)} onDelete={() => onDelete(leader)} />
  );

  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size="large"
      title={leader ? `联系领导：${leader.name}` : '联系领导'}
      extra={actions}
      data-testid="leader-detail"
    >
      {!detail || !leader ? (
        <Spin />
      ) : (
        <>
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label="职务">{orDash(leader.position)}</Descriptions.Item>
            <Descriptions.Item label="电话">
              <PersonalValue entity="leader" id={leader.id} field="phone" value={leader.phone} testId="leader-phone" />
            </Descriptions.Item>
            <Descriptions.Item label="备注" span={2}>
              {orDash(leader.note)}
            </Descriptions.Item>
          </Descriptions>
          <SectionTitle
            title={`联系点（${detail.enterprises.length}家企业）`}
            action={
              <Button
                size="small"
                icon={<EditOutlined />}
                disabled={nav.readOnly}
                onClick={() => setChoosing(true)}
                data-testid="leader-set-enterprises"
              >
                设置联系点
              </Button>
            }
          />
          <LinkedEnterprises enterprises={detail.enterprises} empty="尚未设置联系点" />
        </>
      )}
      {choosing && leader && (
        <ItemModal<{ enterpriseIds: number[] }>
          title={`设置${leader.name}的联系点`}
          testId="leader-enterprises-form"
          initialValues={{ enterpriseIds: known.map((e) => e.id) }}
          onSubmit={setEnterprises}
          onCancel={() => setChoosing(false)}
        >
          <Form.Item
            label="联系企业"
            name="enterpriseIds"
            extra="输入企业名称或拼音首字母查找；已由其他领导联系的企业改由这位领导联系。"
          >
            <EnterpriseSelect multiple known={known} autoFocus data-testid="leader-enterprise-select" />
          </Form.Item>
        </ItemModal>
      )}
    </Drawer>
  );
}
