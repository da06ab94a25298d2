import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Drawer, Form, Input, Spin, Table, type TableColumnsType } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import type { WorkGroupItem } from '../../../shared/domain/lookups';
import type { WorkGroupMember } from '../../../shared/domain/party';
import { workGroupMemberInput } from '../../../shared/ipc/people';
import { call } from '../../api/client';
import { orDash } from '../../components/format';
import { PersonalFormItem } from '../../components/PersonalInput';
import { PersonalValue } from '../../components/PersonalValue';
import { schemaRule } from '../../components/schemaRule';
import { useLedgerNav } from '../ledger/navigation';
import { RowActions, useConfirmDelete } from '../settings/common';
import { ItemModal } from '../settings/ItemModal';
import { RecordActions, SectionTitle, type RecordPageProps } from './common';
import { LinkedEnterprises } from './LinkedEnterprises';
import { useRecord } from './useRecord';

interface MemberValues {
  name: string;
  position?: string;
  phone?: string;
}

const rule = (field: keyof MemberValues) => [schemaRule(workGroupMemberInput, field)];

/** A 推进组's page: 组长, members (added and edited here) and the enterprises it is responsible for. */
export function WorkGroupDetail({ id, onClose, onEdit, onDelete }: RecordPageProps<WorkGroupItem>) {
  const nav = useLedgerNav();
  const { message } = App.useApp();
  const detail = useRecord('workGroups:detail', id, nav.generation, onClose);
  const [editing, setEditing] = useState<{ member: WorkGroupMember | null } | null>(null);
  const confirmDelete = useConfirmDelete(nav.changed);
  const group = detail?.group;

  const save = async (v: MemberValues) => {
    if (!group) return;
    const saved = await call('workGroupMembers:save', {
      id: editing?.member?.id,
      workGroupId: group.id,
      name: v.name,
      position: v.position ?? '',
      phone: v.phone ?? '',
    });
    void message.success(`已保存“${saved.name}”`);
    setEditing(null);
    nav.changed();
  };

  const columns: TableColumnsType<WorkGroupMember> = [
    { title: '姓名', dataIndex: 'name' },
    { title: '单位职务', dataIndex: 'position', render: orDash },
    {
      title: '电话',
      dataIndex: 'phone',
      // The members have no page of their own: this table is where a phone is revealed.
      render: (phone: string, m) => (
        <PersonalValue
          entity="workGroupMember"
          id={m.id}
          field="phone"
          value={phone}
          testId="work-group-member-phone"
        />
      ),
    },
    {
      title: '操作',
      key: 'actions',
      render: (_, m) => (
        <RowActions
          readOnly={nav.readOnly}
          onEdit={() => setEditing({ member: m })}
          onDelete={() => confirmDelete({ name: m.name, run: () => call('workGroupMembers:delete', { id: m.id }) })}
        />
      ),
    },
  ];

  const actions = group && (
    <RecordActions readOnly={nav.readOnly} onEdit={() => onEdit(group)} onDelete={() => onDelete(group)} />
  );

  const member = editing?.member;
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size="large"
      title={group ? `推进组：${group.name}` : '推进组'}
      extra={actions}
      data-testid="work-group-detail"
    >
      {!detail || !group ? (
        <Spin />
      ) : (
        <>
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label="组长">{orDash(group.leaderName)}</Descriptions.Item>
            <Descriptions.Item label="负责企业">{group.enterprises}家</Descriptions.Item>
          </Descriptions>
          <SectionTitle
            title={`成员（${detail.members.length}人）`}
            action={
              <Button
                size="small"
                icon={<PlusOutlined />}
                disabled={nav.readOnly}
                onClick={() => setEditing({ member: null })}
                data-testid="work-group-add-member"
              >
                新增成员
              </Button>
            }
          />
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            columns={columns}
            dataSource={detail.members}
            locale={{ emptyText: '暂无成员' }}
            data-testid="work-group-members"
            onRow={() => ({ 'data-testid': 'work-group-member-row' }) as HTMLAttributes<HTMLElement>}
          />
          <SectionTitle title={`负责企业（${detail.enterprises.length}家）`} />
          <LinkedEnterprises enterprises={detail.enterprises} empty="尚无企业归入本组：在企业信息中选择所属推进组" />
        </>
      )}
      {editing && (
        <ItemModal<MemberValues>
          title={member ? `修改“${member.name}”` : '新增推进组成员'}
          testId="work-group-member-form"
          initialValues={
            member
              ? { name: member.name, position: member.position, phone: member.phone }
              : { name: '', position: '', phone: '' }
          }
          onSubmit={save}
          onCancel={() => setEditing(null)}
        >
          <Form.Item required label="姓名" name="name" rules={rule('name')}>
            <Input autoFocus />
          </Form.Item>
          <Form.Item label="单位职务" name="position" rules={rule('position')}>
            <Input />
          </Form.Item>
          <PersonalFormItem
            label="电话"
            schema={workGroupMemberInput}
            entity="workGroupMember"
            recordId={member?.id ?? null}
            field="phone"
            testId="work-group-member-phone-input"
          />
        </ItemModal>
      )}
    </Drawer>
  );
}
