import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Space, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { MemberListRow } from '../../../shared/domain/party';
import { call } from '../../api/client';
import { useErrorMessage } from '../../components/useErrorMessage';
import { useLedgerNav } from '../ledger/navigation';
import { KeyTable } from '../../components/KeyTable';
import { MemberForm } from './MemberForm';
import { memberColumns } from './memberParts';
import { useMemberActions } from './useMemberActions';

/** An enterprise's roster fits one read; a very large one still lists its first 500. */
const ROSTER_MAX = 500;

interface Loaded {
  key: string;
  total: number;
  rows: MemberListRow[];
}

/**
 * 党员名册 of one enterprise, in its detail: the members, added, edited, transferred and deleted here, and the
 * switch that decides whether the enterprise's member counts come from this roster or are typed.
 */
export function EnterpriseRoster({
  enterpriseId,
  enterpriseName,
  rosterKept,
  readOnly,
}: {
  enterpriseId: number;
  /** For the member form's heading; the detail has it at hand. */
  enterpriseName?: string;
  rosterKept: boolean;
  readOnly: boolean;
}) {
  const nav = useLedgerNav();
  const { message, modal } = App.useApp();
  const showError = useErrorMessage();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [editing, setEditing] = useState<{ id: number | null } | null>(null);
  const actions = useMemberActions();
  const key = `${enterpriseId}:${nav.generation}`;

  useEffect(() => {
    let live = true;
    call('members:list', { query: { enterpriseId }, limit: ROSTER_MAX }).then(
      (p) => live && setLoaded({ key, total: p.total, rows: p.rows }),
      showError,
    );
    return () => {
      live = false;
    };
  }, [key, enterpriseId, showError]);

  const rows = loaded?.rows ?? [];
  const full = rows.filter((m) => m.status === 'full').length;
  const probationary = rows.length - full;

  const setRoster = (kept: boolean) =>
    modal.confirm({
      title: kept ? '开启党员名册？' : '停用党员名册？',
      content: kept
        ? `开启后，本企业的正式党员、预备党员和组织关系所在人数由名册统计（名册现有正式党员${full}名、预备党员${probationary}名），不能在企业信息中直接填写。`
        : `停用后，保留名册现在统计的人数（正式党员${full}名、预备党员${probationary}名）作为填写的数字，之后可在企业信息中直接修改；名册中的党员记录保留。`,
      okText: kept ? '开启' : '停用',
      cancelText: '取消',
      onOk: async () => {
        try {
          await call('members:setRoster', { enterpriseId, kept });
          void message.success(kept ? '已开启党员名册' : '已停用党员名册');
          nav.changed();
        } catch (e) {
          showError(e);
        }
      },
    });

  return (
    <div data-testid="enterprise-roster" data-roster-kept={rosterKept ? 'true' : 'false'}>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Space>
          <Switch
            checked={rosterKept}
            disabled={readOnly}
            onChange={setRoster}
            checkedChildren="名册已开启"
            unCheckedChildren="名册未开启"
            data-testid="roster-switch"
          />
          <Typography.Text type="secondary" data-testid="roster-counts">
            名册：正式党员{full}名，预备党员{probationary}名
          </Typography.Text>
        </Space>
        {!readOnly && (
          <Button icon={<PlusOutlined />} onClick={() => setEditing({ id: null })} data-testid="roster-add">
            添加党员
          </Button>
        )}
      </Flex>
      {!rosterKept && rows.length === 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title="本企业未开启党员名册，党员人数为企业信息中填写的数字。添加第一名党员即开启名册，人数从此由名册统计。"
        />
      )}
      {!rosterKept && rows.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title="名册已停用：下面的党员记录保留，但企业的党员人数为企业信息中填写的数字。"
        />
      )}
      <KeyTable<MemberListRow>
        rowTestId="roster-row"
        columns={memberColumns(actions, { compact: true })}
        dataSource={rows}
        loading={!loaded || loaded.key !== key}
        onOpen={(m) => setEditing({ id: m.id })}
        scroll={{ x: 'max-content' }}
        pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        locale={{ emptyText: '名册中还没有党员' }}
      />
      {loaded && loaded.total > rows.length && (
        <Typography.Text type="secondary">
          仅列出前{rows.length}名，共{loaded.total}名；请在“党员名册”页查找其余党员。
        </Typography.Text>
      )}
      {editing && (
        <MemberForm
          key={editing.id ?? 'new'}
          memberId={editing.id}
          enterprise={editing.id === null ? { id: enterpriseId, name: enterpriseName ?? '本企业' } : null}
          onClose={() => setEditing(null)}
          onSaved={() => setEditing(null)}
        />
      )}
      {actions.dialogs}
    </div>
  );
}
