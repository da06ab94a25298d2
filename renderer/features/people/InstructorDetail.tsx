import { FormOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Descriptions, Drawer, Space, Spin, Table, Tag, type TableColumnsType } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { INSTRUCTOR_SOURCES } from '../../../shared/domain/labels';
import type { InstructorItem } from '../../../shared/domain/lookups';
import type { AssignmentRow, Training } from '../../../shared/domain/party';
import { call } from '../../api/client';
import { orDash } from '../../components/format';
import { PersonalValue } from '../../components/PersonalValue';
import { useLedgerNav } from '../ledger/navigation';
import { useConfirmDelete } from '../settings/common';
import { WorkLogForm } from '../work-logs/WorkLogForm';
import { AssignmentModal, type AssignmentEdit } from './AssignmentModal';
import { OpenLink } from '../../components/OpenLink';
import { RecordActions, SectionTitle, type RecordPageProps } from './common';
import { TrainingModal } from './TrainingModal';
import { useRecord } from './useRecord';

const noWrap = () => ({ style: { whiteSpace: 'nowrap' as const } });

const MODE_TEXT = { one: '一人一企', many: '一人多企' } as const;

/**
 * An instructor's page: every enterprise they cover now (first) or covered before (greyed), with the dates, the last
 * visit and how many visits; sending them to another enterprise, ending or correcting an assignment; their training.
 */
export function InstructorDetail({ id, onClose, onEdit, onDelete }: RecordPageProps<InstructorItem>) {
  const nav = useLedgerNav();
  const detail = useRecord('instructors:detail', id, nav.generation, onClose);
  const [assignment, setAssignment] = useState<AssignmentEdit | null>(null);
  const [training, setTraining] = useState<{ training: Training | null } | null>(null);
  const [loggingVisit, setLoggingVisit] = useState(false);
  const confirmDelete = useConfirmDelete(nav.changed);
  const readOnly = nav.readOnly;

  const instructor = detail?.instructor;
  const current = detail?.assignments.filter((a) => a.endedOn === null) ?? [];
  // A visit is logged at an enterprise the instructor covers now, or failing that any they covered.
  const visitChoices = (current.length > 0 ? current : (detail?.assignments ?? [])).map((a) => ({
    id: a.enterpriseId,
    name: a.enterpriseName,
  }));

  const assignmentColumns: TableColumnsType<AssignmentRow> = [
    {
      title: '企业',
      dataIndex: 'enterpriseName',
      render: (name: string, a) => (
        <OpenLink
          onOpen={() => nav.open({ kind: 'enterprise', id: a.enterpriseId })}
          testId="assignment-enterprise-link"
        >
          {name}
        </OpenLink>
      ),
    },
    // Dates and counts never wrap: the enterprise name is the column that gives way.
    {
      title: '派驻日期',
      dataIndex: 'startedOn',
      onCell: noWrap,
      onHeaderCell: noWrap,
      render: (d: string) => <span data-col="startedOn">{d}</span>,
    },
    {
      title: '结束日期',
      dataIndex: 'endedOn',
      onCell: noWrap,
      onHeaderCell: noWrap,
      render: (d: string | null) => <span data-col="endedOn">{d ?? <Tag color="green">在任</Tag>}</span>,
    },
    {
      title: '最近走访',
      dataIndex: 'lastVisitOn',
      onCell: noWrap,
      onHeaderCell: noWrap,
      render: (d: string | null) => <span data-col="lastVisitOn">{d ?? '未走访'}</span>,
    },
    {
      title: '走访次数',
      dataIndex: 'visits',
      onCell: noWrap,
      onHeaderCell: noWrap,
      align: 'right',
      render: (n: number) => <span data-col="visits">{n}</span>,
    },
    {
      title: '操作',
      key: 'actions',
      render: (_, a) => (
        <Space size={4}>
          <Button type="link" size="small" disabled={readOnly} onClick={() => setAssignment({ kind: 'edit', row: a })}>
            修改
          </Button>
          {a.endedOn === null && (
            <Button
              type="link"
              size="small"
              disabled={readOnly}
              onClick={() => setAssignment({ kind: 'end', row: a })}
              data-testid="assignment-end"
            >
              结束派驻
            </Button>
          )}
          <Button
            type="link"
            size="small"
            danger
            disabled={readOnly}
            onClick={() =>
              confirmDelete({
                name: `${a.enterpriseName}的派驻记录`,
                consequence: '派驻记录有误时才删除；派驻结束请用“结束派驻”，以保留历史。',
                run: () => call('assignments:delete', { id: a.id }),
              })
            }
          >
            删除
          </Button>
        </Space>
      ),
    },
  ];

  const trainingColumns: TableColumnsType<Training> = [
    { title: '培训日期', dataIndex: 'heldOn', onCell: noWrap, onHeaderCell: noWrap },
    { title: '培训内容', dataIndex: 'title' },
    { title: '举办单位', dataIndex: 'organiser', render: orDash },
    { title: '学时', dataIndex: 'hours', align: 'right', render: (h: number | null) => (h === null ? '—' : h) },
    { title: '备注', dataIndex: 'note', render: orDash },
    {
      title: '操作',
      key: 'actions',
      render: (_, t) => (
        <Space size={4}>
          <Button type="link" size="small" disabled={readOnly} onClick={() => setTraining({ training: t })}>
            修改
          </Button>
          <Button
            type="link"
            size="small"
            danger
            disabled={readOnly}
            onClick={() =>
              confirmDelete({
                name: `${t.heldOn} ${t.title}`,
                run: () => call('trainings:delete', { id: t.id }),
              })
            }
          >
            删除
          </Button>
        </Space>
      ),
    },
  ];

  const actions = instructor && (
    <RecordActions readOnly={readOnly} onEdit={() => onEdit(instructor)} onDelete={() => onDelete(instructor)}>
      <Button
        type="primary"
        icon={<FormOutlined />}
        disabled={readOnly}
        onClick={() => setLoggingVisit(true)}
        data-testid="instructor-log-visit"
      >
        记录走访
      </Button>
    </RecordActions>
  );

  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size="large"
      title={instructor ? `党建工作指导员：${instructor.name}` : '党建工作指导员'}
      extra={actions}
      data-testid="instructor-detail"
    >
      {!detail || !instructor ? (
        <Spin />
      ) : (
        <>
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label="单位职务">{orDash(instructor.position)}</Descriptions.Item>
            <Descriptions.Item label="电话">
              <PersonalValue
                entity="instructor"
                id={instructor.id}
                field="phone"
                value={instructor.phone}
                testId="instructor-phone"
              />
            </Descriptions.Item>
            <Descriptions.Item label="专职/兼职">{instructor.fullTime ? '专职' : '兼职'}</Descriptions.Item>
            <Descriptions.Item label="来源">{INSTRUCTOR_SOURCES[instructor.source]}</Descriptions.Item>
            <Descriptions.Item label="派驻日期">{orDash(instructor.appointedOn)}</Descriptions.Item>
            <Descriptions.Item label="派驻方式">
              <span data-testid="instructor-mode">{detail.mode ? MODE_TEXT[detail.mode] : '未派驻'}</span>
              {current.length > 0 && `（现联系${current.length}家企业）`}
            </Descriptions.Item>
          </Descriptions>

          <SectionTitle
            title="联系企业"
            action={
              <Button
                size="small"
                icon={<PlusOutlined />}
                disabled={readOnly}
                onClick={() => setAssignment({ kind: 'new' })}
                data-testid="assign-enterprise"
              >
                派驻到企业
              </Button>
            }
          />
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            columns={assignmentColumns}
            dataSource={detail.assignments}
            locale={{ emptyText: '尚未派驻到企业' }}
            data-testid="instructor-assignments"
            onRow={(a) =>
              ({
                'data-testid': 'assignment-row',
                'data-enterprise-id': a.enterpriseId,
                'data-current': a.endedOn === null,
                // Ended assignments stay for the record, greyed.
                style: a.endedOn === null ? undefined : { opacity: 0.55 },
              }) as HTMLAttributes<HTMLElement>
            }
          />

          <SectionTitle
            title={`培训记录（${detail.trainings.length}次）`}
            action={
              <Button
                size="small"
                icon={<PlusOutlined />}
                disabled={readOnly}
                onClick={() => setTraining({ training: null })}
                data-testid="add-training"
              >
                新增培训
              </Button>
            }
          />
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            columns={trainingColumns}
            dataSource={detail.trainings}
            locale={{ emptyText: '暂无培训记录' }}
            data-testid="instructor-trainings"
            onRow={() => ({ 'data-testid': 'training-row' }) as HTMLAttributes<HTMLElement>}
          />
        </>
      )}
      {assignment && instructor && (
        <AssignmentModal
          instructorId={instructor.id}
          instructorName={instructor.name}
          edit={assignment}
          onCancel={() => setAssignment(null)}
          onSaved={() => {
            setAssignment(null);
            nav.changed();
          }}
        />
      )}
      {training && instructor && (
        <TrainingModal
          instructorId={instructor.id}
          training={training.training}
          onCancel={() => setTraining(null)}
          onSaved={() => {
            setTraining(null);
            nav.changed();
          }}
        />
      )}
      {loggingVisit && instructor && (
        <WorkLogForm
          logId={null}
          initial={{ kind: 'visit', instructorId: instructor.id, enterpriseId: visitChoices[0]?.id }}
          enterpriseChoices={visitChoices.length > 0 ? visitChoices : undefined}
          onClose={() => setLoggingVisit(false)}
          onSaved={() => nav.changed()}
        />
      )}
    </Drawer>
  );
}
