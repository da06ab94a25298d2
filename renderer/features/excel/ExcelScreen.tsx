import { DownloadOutlined, FileDoneOutlined, FormOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Row, Typography } from 'antd';
import { IMPORT_KINDS, REPORTS, type ReportId } from '../../../shared/excel/kinds';
import { useLedgerNav } from '../ledger/navigation';
import { useExcelActions } from './excelActions';
import { ExportLog } from './export/ExportLog';
import { CHOOSABLE_KINDS } from './import/SheetStep';

/** The reports most asked for, first, by the short names clerks use; the survey has its own card. */
const REPORT_BUTTONS: [ReportId, string][] = [
  ['coverage', '覆盖情况统计表'],
  ['party-stats', '党内统计表'],
  ['ledger', '台账明细表'],
  ['unorganised', '有党员未建党组织企业名册'],
  ['plans', '一企一策推进情况表'],
  ['assessments', '双强评价汇总表'],
  ['instructors', '党建工作指导员名册'],
  ['contacts', '领导联系点名册'],
];

/**
 * 导入导出: bring existing spreadsheets in, send the upward reports out, fill a template sent from above, run a
 * 调查表 round trip, and see what has been exported.
 */
export function ExcelScreen() {
  const { readOnly } = useLedgerNav();
  const excel = useExcelActions();
  return (
    <Flex vertical gap={16} data-testid="excel-screen">
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card size="small" title="导入表格" style={{ height: '100%' }}>
            <Typography.Paragraph type="secondary">
              把已有的 Excel、WPS 或 CSV
              表格导入台账：先确认表头和每列的含义，预览每一行的问题，改正后再导入。导入是一步操作，可以撤销。
            </Typography.Paragraph>
            <Flex wrap gap={8}>
              {CHOOSABLE_KINDS.map((kind) => (
                <Button
                  key={kind}
                  icon={<UploadOutlined />}
                  disabled={readOnly}
                  onClick={() => excel.openImport({ kind })}
                  data-testid={`excel-import-${kind}`}
                >
                  导入{IMPORT_KINDS[kind]}…
                </Button>
              ))}
            </Flex>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title="导出报表" style={{ height: '100%' }}>
            <Typography.Paragraph type="secondary">
              生成可直接打印上报的表格（标题、表头、合计、页码、填表人都已排好）。
            </Typography.Paragraph>
            <Flex wrap gap={8}>
              {REPORT_BUTTONS.map(([report, name]) => (
                <Button
                  key={report}
                  icon={<DownloadOutlined />}
                  onClick={() => excel.openExport(report)}
                  data-testid={`excel-export-${report}`}
                  title={REPORTS[report]}
                >
                  {name}
                </Button>
              ))}
            </Flex>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title="调查表" style={{ height: '100%' }}>
            <Typography.Paragraph type="secondary">
              按一个区域或推进组导出企业情况调查表（带现有数据和下拉选项），发给企业或推进组填写；收回后导入，导入前逐家列出改了什么。
            </Typography.Paragraph>
            <Flex wrap gap={8}>
              <Button
                icon={<DownloadOutlined />}
                onClick={() => excel.openExport('survey')}
                data-testid="excel-survey-export"
              >
                导出调查表…
              </Button>
              <Button
                icon={<FileDoneOutlined />}
                disabled={readOnly}
                onClick={() => excel.openImport({ kind: 'enterprises', survey: true })}
                data-testid="excel-survey-import"
              >
                导入回收的调查表…
              </Button>
            </Flex>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title="按上级模板填报" style={{ height: '100%' }}>
            <Typography.Paragraph type="secondary">
              打开上级发来的表格模板，标出表头、为每列选好填什么，程序按台账填好并保留模板的格式和公式；对应关系会保存，明年直接用。
            </Typography.Paragraph>
            <Button icon={<FormOutlined />} onClick={excel.openTemplate} data-testid="excel-template">
              选择模板并填报…
            </Button>
          </Card>
        </Col>
      </Row>
      <Card size="small" title="导出记录">
        <ExportLog version={excel.exportsVersion} />
      </Card>
    </Flex>
  );
}
