import { FileExcelOutlined } from '@ant-design/icons';
import { App, Button, Flex } from 'antd';
import { call, saveExport } from '../../api/client';
import { messageOf } from '../../components/formErrors';
import { useJob } from '../../components/useJob';
import { JobProgressView } from '../excel/JobProgressView';

/**
 * 导出全县汇总表: one workbook (indicators by township and for the county, the 党内统计 form, the duplicates),
 * written where the desktop's save dialog says or downloaded in the browser, with progress and 取消 while it runs.
 */
export function CountyExportButton() {
  const { message } = App.useApp();
  const job = useJob();

  const run = async () => {
    try {
      const saved = await job.run((jobId) =>
        saveExport('全县汇总表.xlsx', (target) => call('county:export', { target, jobId })),
      );
      if (saved) void message.success(`已导出“${saved.fileName}”`);
    } catch (e) {
      void message.error(messageOf(e, '导出失败，请重试'));
    }
  };

  return (
    <Flex vertical gap={8} style={{ minWidth: 0 }}>
      <Button icon={<FileExcelOutlined />} onClick={() => void run()} loading={job.running} data-testid="county-export">
        导出全县汇总表
      </Button>
      {job.running && <JobProgressView job={job} idle="正在准备导出…" testId="county-export-progress" />}
    </Flex>
  );
}
