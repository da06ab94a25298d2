import { Select, Table, Tag, Typography } from 'antd';
import type { TemplateColumn, TemplateSourceOption } from '../../../../shared/ipc/exports';

const NOT_FILLED = '';

/** Each header column of the template and what fills it; a formula column keeps the template's formula. */
export function TemplateColumns({
  columns,
  sources,
  value,
  onChange,
}: {
  columns: TemplateColumn[];
  sources: TemplateSourceOption[];
  value: Map<number, string>;
  onChange: (next: Map<number, string>) => void;
}) {
  const options = [{ value: NOT_FILLED, label: '不填写' }, ...sources.map((s) => ({ value: s.key, label: s.label }))];
  const used = new Map<string, number>();
  for (const source of value.values()) used.set(source, (used.get(source) ?? 0) + 1);
  const set = (column: number, source: string) => {
    const next = new Map(value);
    if (source === NOT_FILLED) next.delete(column);
    else next.set(column, source);
    onChange(next);
  };
  return (
    <Table<TemplateColumn>
      size="small"
      rowKey="index"
      pagination={false}
      dataSource={columns}
      data-testid="template-columns"
      scroll={{ y: 'max(160px, calc(100vh - 500px))' }}
      onRow={(c) => ({ 'data-testid': 'template-column', 'data-letter': c.letter }) as object}
      locale={{ emptyText: '这一行没有表头文字，请点击表头所在的行' }}
      columns={[
        { key: 'letter', title: '列', dataIndex: 'letter', width: 56 },
        { key: 'header', title: '模板表头', dataIndex: 'header', ellipsis: true },
        {
          key: 'source',
          title: '填写内容',
          width: 340,
          render: (_, c) =>
            c.formula ? (
              <Tag color="purple">公式列：保留模板的公式</Tag>
            ) : (
              <Select
                aria-label={`${c.letter}列“${c.header}”填写`}
                data-testid="template-column-source"
                data-source={value.get(c.index) ?? NOT_FILLED}
                value={value.get(c.index) ?? NOT_FILLED}
                onChange={(s: string) => set(c.index, s)}
                options={options}
                showSearch={{ optionFilterProp: 'label' }}
                status={(used.get(value.get(c.index) ?? NOT_FILLED) ?? 0) > 1 ? 'warning' : undefined}
                style={{ width: '100%' }}
              />
            ),
        },
        {
          key: 'note',
          title: '',
          width: 140,
          render: (_, c) =>
            !c.formula && (used.get(value.get(c.index) ?? NOT_FILLED) ?? 0) > 1 ? (
              <Typography.Text type="warning">与其他列内容相同</Typography.Text>
            ) : null,
        },
      ]}
    />
  );
}
