import { Alert, Flex, InputNumber, Select, Space, Tag, Typography } from 'antd';
import { IMPORT_FORMATS, IMPORT_KINDS, type ImportKind } from '../../../../shared/excel/kinds';
import type { HeaderRows, ImportOpened } from '../../../../shared/ipc/imports';
import { HeadGrid } from '../HeadGrid';

/** Header rows after a click on row `row`: that row alone, or (Shift) the rows up to it, at most three. */
export function pickedHeader(current: HeaderRows | null, row: number, extend: boolean): HeaderRows {
  if (!extend || !current) return { start: row, end: row };
  if (row < current.start) return { start: row, end: Math.min(current.end, row + 2) };
  return { start: Math.max(current.start, row - 2), end: row };
}

export const CHOOSABLE_KINDS = (Object.keys(IMPORT_KINDS) as ImportKind[]).filter((k) => k !== 'survey');

/** 工作表与表头: which sheet, which rows are the column titles (guessed; a click on a row changes them). */
export function SheetStep({
  opened,
  kind,
  onKind,
  sheet,
  onSheet,
  header,
  onHeader,
  expectSurvey,
}: {
  opened: ImportOpened;
  kind: ImportKind;
  onKind: (kind: ImportKind) => void;
  sheet: string;
  onSheet: (name: string) => void;
  header: HeaderRows | null;
  onHeader: (header: HeaderRows) => void;
  /** Opened as 导入回收的调查表. */
  expectSurvey: boolean;
}) {
  const info = opened.sheets.find((s) => s.name === sheet) ?? opened.sheets[0];
  const guessed = info?.guessedHeader ?? null;
  const survey = opened.detectedKind === 'survey';
  const setStart = (start: number | null) => {
    if (!start) return;
    const end = header ? Math.min(Math.max(header.end, start), start + 2) : start;
    onHeader({ start, end });
  };
  const setEnd = (end: number | null) => {
    if (!end) return;
    const start = header ? Math.max(Math.min(header.start, end), end - 2) : end;
    onHeader({ start, end });
  };
  return (
    <Flex vertical gap={12} data-testid="import-sheet-step">
      <Typography.Text>
        文件：<b>{opened.fileName}</b>（{IMPORT_FORMATS[opened.format]}）
      </Typography.Text>
      {survey && (
        <Alert
          type="info"
          showIcon
          title="这是本程序导出的调查表：按每行的记录编号更新对应企业，不会新增企业。"
          data-testid="import-survey-detected"
        />
      )}
      {expectSurvey && !survey && (
        <Alert
          type="warning"
          showIcon
          title="这个文件不是本程序导出的调查表（没有调查表的标记），将按普通表格导入：请选择导入内容，并在下一步核对列对应。"
        />
      )}
      <Space wrap size={[16, 8]}>
        <Space size={4}>
          <Typography.Text>导入内容</Typography.Text>
          <Select<ImportKind>
            aria-label="导入内容"
            value={kind}
            onChange={onKind}
            disabled={survey}
            style={{ width: 160 }}
            options={(survey ? (['survey'] as ImportKind[]) : CHOOSABLE_KINDS).map((k) => ({
              value: k,
              label: IMPORT_KINDS[k],
            }))}
          />
        </Space>
        <Space size={4}>
          <Typography.Text>工作表</Typography.Text>
          <Select
            aria-label="工作表"
            value={info?.name}
            onChange={onSheet}
            style={{ width: 200 }}
            options={opened.sheets.map((s) => ({ value: s.name, label: s.name }))}
            data-testid="import-sheet-select"
          />
        </Space>
        <Space size={4}>
          <Typography.Text>表头起始行</Typography.Text>
          <InputNumber
            aria-label="表头起始行"
            min={1}
            max={1000}
            precision={0}
            value={header?.start ?? null}
            onChange={setStart}
            style={{ width: 80 }}
          />
          <Typography.Text>结束行</Typography.Text>
          <InputNumber
            aria-label="表头结束行"
            min={1}
            max={1000}
            precision={0}
            value={header?.end ?? null}
            onChange={setEnd}
            style={{ width: 80 }}
          />
        </Space>
        {guessed ? (
          <Tag color="blue" data-testid="import-header-guessed">
            自动识别的表头：第 {guessed.start === guessed.end ? guessed.start : `${guessed.start}–${guessed.end}`} 行
          </Tag>
        ) : (
          <Tag color="orange">未能识别表头，请点击表头所在的行</Tag>
        )}
      </Space>
      <Typography.Text type="secondary">
        下面是工作表的前 {info?.head.length ?? 0} 行。黄色为表头行（最多 3
        行，如两行合并的表头）；点击一行设为表头，按住 Shift
        再点击可把表头延到那一行。表头以下的行作为数据读取，标题行在表头之上不会读取。
      </Typography.Text>
      {info && info.head.length > 0 ? (
        <HeadGrid
          head={info.head}
          header={header}
          onPick={(row, extend) => onHeader(pickedHeader(header, row, extend))}
          testId="import-head-grid"
        />
      ) : (
        <Alert type="warning" showIcon title={`工作表“${info?.name ?? ''}”是空的，请选择其他工作表`} />
      )}
    </Flex>
  );
}
