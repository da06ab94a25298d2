import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Descriptions, Drawer, Space, Spin } from 'antd';
import { useState } from 'react';
import { localDate } from '../../../shared/domain/enterpriseRules';
import { call } from '../../api/client';
import { Attachments } from '../../components/Attachments';
import { orDash } from '../../components/format';
import { useLedgerNav } from '../ledger/navigation';
import { OpenLink } from '../../components/OpenLink';
import { DueDate, SectionTitle } from '../people/common';
import { useRecord } from '../people/useRecord';
import { useConfirmDelete } from '../settings/common';
import { KindTag } from './columns';
import { WorkLogForm } from './WorkLogForm';

/** Text the clerk wrote in paragraphs, shown with its line breaks. */
function Paragraphs({ text }: { text: string }) {
  return text.trim() ? <div style={{ whiteSpace: 'pre-wrap' }}>{text}</div> : <>—</>;
}

/** One work log with its scans and photos; edited and deleted from here. */
export function WorkLogDetail({ id, onClose }: { id: number | null; onClose: () => void }) {
  const nav = useLedgerNav();
  const log = useRecord('workLogs:get', id, nav.generation, onClose);
  const [editing, setEditing] = useState(false);
  const confirmDelete = useConfirmDelete(nav.changed);
  const today = localDate(new Date());

  const remove = () =>
    log &&
    confirmDelete({
      name: `${log.enterpriseName} ${log.heldOn}的工作记录`,
      consequence: log.attachments > 0 ? `其${log.attachments}个附件一并删除。` : '',
      run: async () => {
        await call('workLogs:delete', { id: log.id });
        onClose();
      },
    });

  const actions = log && (
    <Space>
      <Button
        icon={<EditOutlined />}
        disabled={nav.readOnly}
        onClick={() => setEditing(true)}
        data-testid="work-log-edit"
      >
        修改
      </Button>
      <Button danger icon={<DeleteOutlined />} disabled={nav.readOnly} onClick={remove} data-testid="work-log-delete">
        删除
      </Button>
    </Space>
  );

  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size="large"
      title={log ? `工作记录：${log.enterpriseName} ${log.heldOn}` : '工作记录'}
      extra={actions}
      data-testid="work-log-detail"
    >
      {!log ? (
        <Spin />
      ) : (
        <>
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label="企业" span={2}>
              <OpenLink onOpen={() => nav.open({ kind: 'enterprise', id: log.enterpriseId })}>
                {log.enterpriseName}
              </OpenLink>
            </Descriptions.Item>
            <Descriptions.Item label="日期">{log.heldOn}</Descriptions.Item>
            <Descriptions.Item label="记录类型">
              <KindTag kind={log.kind} />
            </Descriptions.Item>
            <Descriptions.Item label="党建工作指导员">
              {log.instructorId !== null && log.instructorName ? (
                <OpenLink
                  onOpen={() => {
                    // The instructor's page is on another tab; this drawer must not stay over it.
                    onClose();
                    nav.open({ kind: 'instructor', id: log.instructorId! });
                  }}
                >
                  {log.instructorName}
                </OpenLink>
              ) : (
                '—'
              )}
            </Descriptions.Item>
            <Descriptions.Item label="参加人">{orDash(log.participants)}</Descriptions.Item>
            <Descriptions.Item label="内容" span={2}>
              <Paragraphs text={log.content} />
            </Descriptions.Item>
            <Descriptions.Item label="反映问题" span={2}>
              <Paragraphs text={log.problems} />
            </Descriptions.Item>
            <Descriptions.Item label="解决情况" span={2}>
              <Paragraphs text={log.resolution} />
            </Descriptions.Item>
            <Descriptions.Item label="献计献策">{log.suggestions}条</Descriptions.Item>
            <Descriptions.Item label="解决实际问题">{log.problemsSolved}个</Descriptions.Item>
            <Descriptions.Item label="跟进期限" span={2}>
              <DueDate due={log.followUpOn} today={today} done={log.followUpDone} />
            </Descriptions.Item>
          </Descriptions>
          <SectionTitle title="附件（扫描件、照片）" />
          <Attachments
            ownerType="work-log"
            ownerId={log.id}
            attachments={log.attachmentList}
            readOnly={nav.readOnly}
            onChanged={nav.changed}
          />
        </>
      )}
      {editing && log && <WorkLogForm logId={log.id} onClose={() => setEditing(false)} onSaved={() => nav.changed()} />}
    </Drawer>
  );
}
