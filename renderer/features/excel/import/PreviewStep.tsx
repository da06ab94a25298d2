import { Alert, Button, Checkbox, Flex, Radio, Space, Table, Tabs, Tag, Typography } from 'antd';
import { ON_MATCH, type ImportKind, type OnMatch } from '../../../../shared/excel/kinds';
import type { ImportPreview, ImportPreviewRow, ImportProblem, RowAction } from '../../../../shared/ipc/imports';
import { flaggedCells, ProblemTable } from './ProblemTable';

export interface PreviewChoices {
  onMatch: OnMatch;
  addAreas: string[];
  overrides: { row: number; field: string; value: string }[];
  mergeDuplicates: boolean;
}

/** What a row is matched against in the ledger, by what is imported. */
const MATCHED: Partial<Record<ImportKind, string>> = {
  enterprises: '企业',
  members: '党员',
  instructors: '指导员',
  contacts: '联系领导',
};

export const ACTION_LOOK: Record<RowAction, { label: string; color: string }> = {
  add: { label: '新增', color: 'green' },
  update: { label: '更新', color: 'blue' },
  skip: { label: '跳过', color: 'default' },
  reject: { label: '不导入', color: 'red' },
};

function Count({ label, value, testId, color }: { label: string; value: number; testId: string; color?: string }) {
  return (
    <Flex vertical align="center" style={{ minWidth: 72 }}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {label}
      </Typography.Text>
      <span data-testid={testId} style={{ fontSize: 20, fontWeight: 600, color }}>
        {value.toLocaleString('zh-CN')}
      </span>
    </Flex>
  );
}

/** 预览: what the import would do, row by row, before anything is written; every choice here previews again. */
export function PreviewStep({
  kind,
  preview,
  choices,
  onChoices,
  fieldOf,
  fieldLabel,
  numeric,
  busy,
}: {
  kind: ImportKind;
  preview: ImportPreview;
  choices: PreviewChoices;
  onChoices: (next: PreviewChoices) => void;
  fieldOf: (p: ImportProblem) => string | null;
  fieldLabel: (field: string) => string;
  /** The field holds a number (人数, 金额). */
  numeric: (field: string) => boolean;
  busy: boolean;
}) {
  const { counts } = preview;
  const problems = flaggedCells(preview.rows, 'problem', fieldOf, numeric);
  const warnings = flaggedCells(preview.rows, 'warning', fieldOf, numeric);
  // The core may still name an area the clerk chose to add (it is not in the ledger until the import): it is
  // listed once, under 导入时新增区域.
  const unknownAreas = preview.unknownAreas.filter((a) => !choices.addAreas.includes(a.name));
  const written = preview.rows.filter((r) => r.action === 'add' || r.action === 'update');
  const matchable = kind !== 'survey';
  const set = (patch: Partial<PreviewChoices>) => onChoices({ ...choices, ...patch });
  const fix = (row: number, field: string, value: string) =>
    set({
      overrides: [...choices.overrides.filter((o) => !(o.row === row && o.field === field)), { row, field, value }],
    });

  return (
    <Flex vertical gap={12} data-testid="import-preview-step" data-busy={String(busy)}>
      <Flex gap={16} wrap align="center" data-testid="import-counts">
        <Count label="数据行" value={preview.totalRows} testId="import-count-total" />
        <Count label="新增" value={counts.add} testId="import-count-add" color="#389e0d" />
        <Count label="更新" value={counts.update} testId="import-count-update" color="#0958d9" />
        <Count label="跳过" value={counts.skip} testId="import-count-skip" />
        <Count label="有问题" value={counts.reject} testId="import-count-reject" color="#cf1322" />
        <Count label="有提醒" value={counts.warned} testId="import-count-warned" color="#d48806" />
        <Space orientation="vertical" size={4} style={{ marginLeft: 24 }}>
          {matchable && (
            <Space size={4} wrap>
              <Typography.Text>匹配到台账中已有的{MATCHED[kind] ?? '记录'}时：</Typography.Text>
              <Radio.Group
                value={choices.onMatch}
                onChange={(e) => set({ onMatch: e.target.value as OnMatch })}
                disabled={busy}
                data-testid="import-on-match"
                options={(Object.keys(ON_MATCH) as OnMatch[]).map((k) => ({ value: k, label: ON_MATCH[k] }))}
              />
            </Space>
          )}
          {kind === 'enterprises' && (
            <Checkbox
              checked={choices.mergeDuplicates}
              disabled={busy}
              onChange={(e) => set({ mergeDuplicates: e.target.checked })}
              data-testid="import-merge-duplicates"
            >
              合并重复行（同一统一社会信用代码的后几行并入第一行，而不是作为问题跳过）
            </Checkbox>
          )}
        </Space>
      </Flex>

      {unknownAreas.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="import-unknown-areas"
          title="台账中没有这些村（社区、园区、市场），写着它们的行不会导入；确认无误的可一键添加到台账："
          description={
            <Flex wrap gap={8} style={{ marginTop: 4 }}>
              {unknownAreas.map((a) => (
                <Space key={a.name} size={4} data-testid="import-unknown-area" data-name={a.name}>
                  <Tag>
                    {a.name}（{a.rows} 行）
                  </Tag>
                  <Button
                    size="small"
                    disabled={busy}
                    onClick={() => set({ addAreas: [...choices.addAreas, a.name] })}
                    data-testid="import-add-area"
                  >
                    添加
                  </Button>
                </Space>
              ))}
              {unknownAreas.length > 1 && (
                <Button
                  size="small"
                  type="link"
                  disabled={busy}
                  onClick={() => set({ addAreas: [...choices.addAreas, ...unknownAreas.map((a) => a.name)] })}
                >
                  全部添加
                </Button>
              )}
            </Flex>
          }
        />
      )}
      {(choices.addAreas.length > 0 || choices.overrides.length > 0) && (
        <Flex wrap gap={8} align="center" data-testid="import-choices">
          {choices.addAreas.length > 0 && <Typography.Text>导入时新增区域：</Typography.Text>}
          {choices.addAreas.map((name) => (
            <Tag
              key={name}
              color="green"
              closable={!busy}
              onClose={() => set({ addAreas: choices.addAreas.filter((n) => n !== name) })}
              data-testid="import-added-area"
            >
              {name}
            </Tag>
          ))}
          {choices.overrides.length > 0 && <Typography.Text>已改正的单元格：</Typography.Text>}
          {choices.overrides.map((o) => (
            <Tag
              key={`${o.row}:${o.field}`}
              color="blue"
              closable={!busy}
              onClose={() => set({ overrides: choices.overrides.filter((x) => x !== o) })}
              data-testid="import-override"
            >
              第{o.row}行 {fieldLabel(o.field)} → {o.value}
            </Tag>
          ))}
        </Flex>
      )}

      <Tabs
        size="small"
        defaultActiveKey={problems.length > 0 ? 'problems' : 'rows'}
        items={[
          {
            key: 'problems',
            label: `有问题（${problems.length}）`,
            children: <ProblemTable cells={problems} onFix={fix} busy={busy} testId="import-problems" />,
          },
          {
            key: 'warnings',
            label: `提醒（${warnings.length}）`,
            children: <ProblemTable cells={warnings} onFix={fix} busy={busy} testId="import-warnings" />,
          },
          {
            key: 'values',
            label: `未识别的取值（${preview.unknownValues.length}）`,
            children: <UnknownValues preview={preview} />,
          },
          {
            key: 'rows',
            label:
              kind === 'survey'
                ? `将更新的企业（${counts.update}）`
                : `将写入的行（${(counts.add + counts.update).toLocaleString('zh-CN')}）`,
            children: <RowsTable rows={written} truncated={preview.truncated} />,
          },
        ]}
      />
    </Flex>
  );
}

function UnknownValues({ preview }: { preview: ImportPreview }) {
  return (
    <Table
      size="small"
      rowKey={(v) => `${v.field}:${v.value}`}
      data-testid="import-unknown-values"
      dataSource={preview.unknownValues}
      pagination={false}
      scroll={{ y: 'calc(100vh - 520px)' }}
      locale={{ emptyText: '表格中的取值都已识别' }}
      columns={[
        { key: 'label', title: '字段', dataIndex: 'label', width: 140 },
        { key: 'value', title: '表格中的写法', dataIndex: 'value' },
        {
          key: 'mappedTo',
          title: '导入为',
          dataIndex: 'mappedTo',
          render: (to: string) => (to.startsWith('其他') ? <Tag color="gold">{to}</Tag> : to),
        },
        { key: 'rows', title: '行数', dataIndex: 'rows', width: 80, align: 'right' },
      ]}
    />
  );
}

/** The rows that will be written; for updates (and every 调查表 row), each change as old → new. */
function RowsTable({ rows, truncated }: { rows: ImportPreviewRow[]; truncated: boolean }) {
  return (
    <Flex vertical gap={4}>
      {truncated && (
        <Typography.Text type="secondary">
          只列出有问题、有提醒的行和前面一部分正常的行；导入时全部正常的行都会写入。
        </Typography.Text>
      )}
      <Table<ImportPreviewRow>
        size="small"
        rowKey="row"
        data-testid="import-rows"
        dataSource={rows}
        pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false, size: 'small' } : false}
        scroll={{ y: 'calc(100vh - 540px)' }}
        onRow={(r) => ({ 'data-testid': 'import-row', 'data-row': r.row, 'data-action': r.action }) as object}
        locale={{ emptyText: '没有要写入的行' }}
        columns={[
          { key: 'row', title: '行号', dataIndex: 'row', width: 64 },
          {
            key: 'action',
            title: '处理',
            dataIndex: 'action',
            width: 80,
            render: (a: RowAction) => <Tag color={ACTION_LOOK[a].color}>{ACTION_LOOK[a].label}</Tag>,
          },
          { key: 'name', title: '名称', dataIndex: 'name', width: 220, ellipsis: true },
          {
            key: 'changes',
            title: '变化',
            render: (_, r) =>
              r.action === 'add' ? (
                <Typography.Text type="secondary">新建记录</Typography.Text>
              ) : r.changes.length === 0 ? (
                <Typography.Text type="secondary">没有变化</Typography.Text>
              ) : (
                <Flex vertical gap={2} data-testid="import-row-changes">
                  {r.changes.map((c) => (
                    <span key={c.field}>
                      {c.label}：
                      <Typography.Text delete type="secondary">
                        {c.from || '（空）'}
                      </Typography.Text>{' '}
                      → <b>{c.to || '（空）'}</b>
                    </span>
                  ))}
                </Flex>
              ),
          },
        ]}
      />
    </Flex>
  );
}
