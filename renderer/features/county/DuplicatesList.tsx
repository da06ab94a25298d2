import { Alert, Empty, Flex, Table, Typography } from 'antd';
import type { CountyDuplicate } from '../../../shared/ipc/county';

/** 重复企业: credit codes on two townships' active rolls, each place listed; never merged, only reported. */
export function DuplicatesList({ duplicates }: { duplicates: CountyDuplicate[] }) {
  return (
    <Flex vertical gap={12} data-testid="county-duplicates" data-count={duplicates.length}>
      <Alert
        type={duplicates.length ? 'warning' : 'info'}
        showIcon
        title={
          duplicates.length
            ? `有 ${duplicates.length} 个统一社会信用代码同时在两个以上乡镇的台账中`
            : '没有发现同一企业出现在两个乡镇的台账中'
        }
        description="同一统一社会信用代码的企业在每个登记它的乡镇各计一次，全县合计不作合并。请由相关乡镇核实企业实际所在地，在不属于本乡镇的台账中将其办理“迁出”。"
      />
      {duplicates.length === 0 ? (
        <Empty description="没有重复企业" />
      ) : (
        <Table<CountyDuplicate>
          size="small"
          bordered
          rowKey="uscc"
          pagination={false}
          dataSource={duplicates}
          columns={[
            {
              title: '统一社会信用代码',
              dataIndex: 'uscc',
              width: 200,
              render: (v: string) => <Typography.Text copyable>{v}</Typography.Text>,
            },
            {
              title: '出现在（乡镇 · 文件 · 企业名称）',
              key: 'entries',
              render: (_: unknown, d) => (
                <Flex vertical gap={2}>
                  {d.entries.map((e) => (
                    <span key={`${e.township}:${e.file}`} data-testid="county-duplicate-entry">
                      {e.township} · {e.file} · {e.name}
                    </span>
                  ))}
                </Flex>
              ),
            },
          ]}
        />
      )}
    </Flex>
  );
}
