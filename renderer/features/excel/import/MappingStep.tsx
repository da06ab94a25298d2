import { Alert, Flex, Select, Table, Tag, Typography } from 'antd';
import type { ColumnMapping, ImportColumn, ImportLayout } from '../../../../shared/ipc/imports';
import type { FieldChoice } from './fieldChoices';

/** The Select's value for a column that is not imported. */
export const SKIP = '';

/** Fields chosen for more than one column: the clerk must pick one. */
export function doubleFields(mapping: ColumnMapping[]): Set<string> {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const m of mapping) (seen.has(m.field) ? twice : seen).add(m.field);
  return twice;
}

/** Options grouped as the catalog groups them (企业基本情况, 党组织 …), 不导入 first. */
function fieldOptions(fields: FieldChoice[]) {
  const groups = new Map<string, { value: string; label: string }[]>();
  for (const f of fields) {
    const g = f.group ?? '';
    if (!groups.has(g)) groups.set(g, []);
    groups.get(g)!.push({ value: f.key, label: f.label });
  }
  const skip = { value: SKIP, label: '不导入' };
  if (groups.size <= 1) return [skip, ...(groups.values().next().value ?? [])];
  return [skip, ...[...groups].map(([label, options]) => ({ label: label || '其他', title: label, options }))];
}

/** 列对应: each column of the sheet, its header and sample values, and the field it goes into (guessed). */
export function MappingStep({
  layout,
  mapping,
  onChange,
  fields,
  missing,
}: {
  layout: ImportLayout;
  mapping: ColumnMapping[];
  onChange: (mapping: ColumnMapping[]) => void;
  fields: FieldChoice[];
  /** Why the import cannot run yet: a column it cannot do without has no field. */
  missing: string | null;
}) {
  const byColumn = new Map(mapping.map((m) => [m.column, m.field]));
  const twice = doubleFields(mapping);
  const labelOf = new Map(fields.map((f) => [f.key, f.label]));
  const options = fieldOptions(fields);
  const set = (column: number, field: string) =>
    onChange(
      [...mapping.filter((m) => m.column !== column), ...(field === SKIP ? [] : [{ column, field }])].sort(
        (a, b) => a.column - b.column,
      ),
    );
  const used = mapping.length;

  return (
    <Flex vertical gap={12} data-testid="import-mapping-step">
      <Flex gap={8} align="center" wrap>
        <Typography.Text>
          共 {layout.columns.length} 列，已对应 <b data-testid="import-mapped-count">{used}</b> 列，其余不导入。
        </Typography.Text>
        {layout.savedMapping && (
          <Tag color="green" data-testid="import-saved-mapping">
            已使用上次保存的对应关系
          </Tag>
        )}
      </Flex>
      {twice.size > 0 && (
        <Alert
          type="error"
          showIcon
          data-testid="import-mapping-double"
          title={`${[...twice].map((f) => `“${labelOf.get(f) ?? f}”`).join('、')}对应了不止一列，每个字段只能对应一列，请把多余的列改为“不导入”`}
        />
      )}
      {missing && <Alert type="warning" showIcon data-testid="import-mapping-missing" title={missing} />}
      <Table<ImportColumn>
        size="small"
        rowKey="index"
        pagination={false}
        dataSource={layout.columns}
        scroll={{ y: 'calc(100vh - 390px)' }}
        onRow={(c) => ({ 'data-testid': 'import-column', 'data-letter': c.letter }) as object}
        columns={[
          { key: 'letter', title: '列', dataIndex: 'letter', width: 56 },
          {
            key: 'header',
            title: '表头',
            dataIndex: 'header',
            width: 220,
            ellipsis: true,
            render: (h: string) => h || <Typography.Text type="secondary">（无表头）</Typography.Text>,
          },
          {
            key: 'samples',
            title: '示例内容',
            ellipsis: true,
            render: (_, c) => (
              <Typography.Text type="secondary" title={c.samples.join('\n')}>
                {c.samples.filter((s) => s !== '').join(' ｜ ') || '（前几行为空）'}
              </Typography.Text>
            ),
          },
          {
            key: 'field',
            title: '导入为',
            width: 260,
            render: (_, c) => {
              const field = byColumn.get(c.index) ?? SKIP;
              const doubled = field !== SKIP && twice.has(field);
              return (
                <Select
                  aria-label={`${c.letter}列“${c.header}”导入为`}
                  data-testid="import-column-field"
                  data-field={field}
                  value={field}
                  onChange={(f: string) => set(c.index, f)}
                  options={options}
                  status={doubled ? 'error' : undefined}
                  showSearch={{ optionFilterProp: 'label' }}
                  style={{ width: '100%' }}
                />
              );
            },
          },
        ]}
      />
    </Flex>
  );
}
