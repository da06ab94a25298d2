import { App, Form, Input, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import type { LeaderItem } from '../../../shared/domain/party';
import { leaderInput } from '../../../shared/ipc/people';
import { call } from '../../api/client';
import { orDash } from '../../components/format';
import { PersonalFormItem } from '../../components/PersonalInput';
import { schemaRule } from '../../components/schemaRule';
import { useLedgerNav } from '../ledger/navigation';
import { useConfirmDelete } from '../settings/common';
import { ItemModal } from '../settings/ItemModal';
import { matchesText, nameColumn, PeopleTable, rowActionsColumn, type PeopleScreenProps } from './common';
import { LeaderDetail } from './LeaderDetail';
import { ListToolbar } from '../../components/ListToolbar';

interface LeaderValues {
  name: string;
  position?: string;
  phone?: string;
  note?: string;
}

const rule = (field: keyof LeaderValues) => [schemaRule(leaderInput, field)];

/** 领导联系点: the township leaders and how many enterprises each keeps contact with. */
export function LeadersScreen({ lookups, openId, onOpen }: PeopleScreenProps) {
  const nav = useLedgerNav();
  const { message } = App.useApp();
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<{ leader: LeaderItem | null } | null>(null);
  const confirmDelete = useConfirmDelete(nav.changed);

  const rows = useMemo(
    // The phone is masked here, so a search finds it by the digits shown (the last four).
    () => (lookups?.leaders ?? []).filter((l) => matchesText(search, l.name, l.nameInitials, l.position, l.phone)),
    [lookups, search],
  );

  const remove = (l: LeaderItem) =>
    confirmDelete({
      name: l.name,
      consequence: l.enterprises > 0 ? `其联系的${l.enterprises}家企业将不再有联系领导。` : '',
      run: async () => {
        await call('leaders:delete', { id: l.id });
        if (openId === l.id) onOpen(null);
      },
    });

  const save = async (v: LeaderValues) => {
    const saved = await call('leaders:save', {
      id: editing?.leader?.id,
      name: v.name,
      position: v.position ?? '',
      phone: v.phone ?? '',
      note: v.note ?? '',
    });
    void message.success(`已保存“${saved.name}”`);
    const added = !editing?.leader;
    setEditing(null);
    nav.changed();
    // A new leader opens at once: the next thing is to choose their enterprises.
    if (added) onOpen(saved.id);
  };

  const columns: TableColumnsType<LeaderItem> = [
    nameColumn('姓名', 'leader', onOpen),
    { title: '职务', dataIndex: 'position', render: orDash },
    { title: '电话', dataIndex: 'phone', render: orDash },
    { title: '联系企业数', dataIndex: 'enterprises', align: 'right' },
    { title: '备注', dataIndex: 'note', render: orDash },
    rowActionsColumn(nav.readOnly, (l) => setEditing({ leader: l }), remove),
  ];

  const current = editing?.leader;
  return (
    <div data-testid="leaders-screen">
      <ListToolbar
        testId="leader"
        search={search}
        onSearch={setSearch}
        placeholder="搜索姓名、拼音首字母、职务或电话后四位"
        addText="新增联系领导"
        onAdd={() => setEditing({ leader: null })}
        readOnly={nav.readOnly}
      />
      <PeopleTable testId="leader" rows={rows} columns={columns} loading={!lookups} onOpen={onOpen} />
      {editing && (
        <ItemModal<LeaderValues>
          title={current ? `修改“${current.name}”` : '新增联系领导'}
          testId="leader-form"
          initialValues={
            current
              ? { name: current.name, position: current.position, phone: current.phone, note: current.note }
              : { name: '', position: '', phone: '', note: '' }
          }
          onSubmit={save}
          onCancel={() => setEditing(null)}
        >
          <Form.Item required label="姓名" name="name" rules={rule('name')}>
            <Input autoFocus />
          </Form.Item>
          <Form.Item label="职务" name="position" rules={rule('position')}>
            <Input placeholder="例如：镇党委副书记" />
          </Form.Item>
          <PersonalFormItem
            label="电话"
            schema={leaderInput}
            entity="leader"
            recordId={current?.id ?? null}
            field="phone"
            testId="leader-phone"
          />
          <Form.Item label="备注" name="note" rules={rule('note')}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
          </Form.Item>
        </ItemModal>
      )}
      <LeaderDetail
        id={openId}
        onClose={() => onOpen(null)}
        onEdit={(l) => setEditing({ leader: l })}
        onDelete={remove}
      />
    </div>
  );
}
