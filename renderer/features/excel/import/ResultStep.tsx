import { Alert, Flex, Result, Table, Typography } from 'antd';
import type { ImportProblem, ImportReport } from '../../../../shared/ipc/imports';

/** What the import did: counts, every row that was not imported and why, and how to take it all back. */
export function ResultStep({ report, kindLabel }: { report: ImportReport; kindLabel: string }) {
  const rejected = report.rejected;
  // One row may be rejected for several cells; the clerk counts rows.
  const rejectedRows = new Set(rejected.map((p) => p.row)).size;
  return (
    <Flex vertical gap={12} data-testid="import-result">
      <Result
        status={rejected.length > 0 ? 'warning' : 'success'}
        style={{ padding: '16px 0' }}
        title={`${kindLabel}导入完成`}
        subTitle={
          <span>
            新增 <b data-testid="import-result-added">{report.added}</b> 条，更新{' '}
            <b data-testid="import-result-updated">{report.updated}</b> 条，跳过{' '}
            <b data-testid="import-result-skipped">{report.skipped}</b> 条，未导入{' '}
            <b data-testid="import-result-rejected">{rejectedRows}</b> 行
            {report.warnings.length > 0 && `，提醒 ${report.warnings.length} 条`}
          </span>
        }
      />
      <Alert
        type="info"
        showIcon
        title="这次导入是一步操作：如需反悔，在“企业台账”中点“撤销”，整次导入的新增和更新会一起撤销。"
      />
      {rejected.length > 0 && (
        <>
          <Typography.Text strong>未导入的行（改正表格后可再次导入这些行）</Typography.Text>
          <ReportTable problems={rejected} testId="import-result-rejected-list" />
        </>
      )}
      {report.warnings.length > 0 && (
        <>
          <Typography.Text strong>已导入、但请核对的内容</Typography.Text>
          <ReportTable problems={report.warnings} testId="import-result-warnings" />
        </>
      )}
    </Flex>
  );
}

function ReportTable({ problems, testId }: { problems: ImportProblem[]; testId: string }) {
  return (
    <Table<ImportProblem & { key: number }>
      size="small"
      data-testid={testId}
      dataSource={problems.map((p, key) => ({ ...p, key }))}
      pagination={problems.length > 20 ? { pageSize: 20, showSizeChanger: false, size: 'small' } : false}
      columns={[
        { key: 'row', title: '行号', dataIndex: 'row', width: 64 },
        { key: 'column', title: '列', dataIndex: 'column', width: 160, ellipsis: true },
        { key: 'value', title: '表格中的值', dataIndex: 'value', width: 180, ellipsis: true },
        { key: 'reason', title: '原因', dataIndex: 'reason' },
      ]}
    />
  );
}
