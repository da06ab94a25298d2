import { FileExcelOutlined } from '@ant-design/icons';
import { Alert, Button, Drawer, Flex, Radio, Space, Spin, Steps, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { IMPORT_KINDS, type ImportKind } from '../../../../shared/excel/kinds';
import type {
  ColumnMapping,
  HeaderRows,
  ImportLayout,
  ImportOpened,
  ImportPreview,
  ImportProblem,
  ImportReport,
} from '../../../../shared/ipc/imports';
import { ApiError, call, pickSpreadsheet } from '../../../api/client';
import { messageOf } from '../../../components/formErrors';
import { useJob } from '../../../components/useJob';
import { useLedgerNav } from '../../ledger/navigation';
import { JobProgressView } from '../JobProgressView';
import { fieldChoices, isNumeric, mappingGap } from './fieldChoices';
import { doubleFields, MappingStep } from './MappingStep';
import { PreviewStep, type PreviewChoices } from './PreviewStep';
import { ResultStep } from './ResultStep';
import { CHOOSABLE_KINDS, SheetStep } from './SheetStep';

export interface ImportStart {
  /** What the clerk means to import (the 企业台账 toolbar says enterprises). */
  kind: ImportKind;
  /** Opened as 导入回收的调查表: the file is expected to be a 调查表 this program wrote. */
  survey?: boolean;
}

type Stage = 'file' | 'sheet' | 'mapping' | 'preview' | 'result';
const STAGES: Stage[] = ['file', 'sheet', 'mapping', 'preview', 'result'];

const NO_CHOICES: PreviewChoices = { onMatch: 'skip', addAreas: [], overrides: [], mergeDuplicates: false };

/** The key the columns were read for: another sheet, header or kind means reading them again. */
const layoutKey = (kind: ImportKind, sheet: string, header: HeaderRows | null) =>
  `${kind}|${sheet}|${header?.start}-${header?.end}`;

/**
 * 导入: choose what comes in and the file; the sheet and its header rows (guessed); which column goes into which
 * field (guessed, or the mapping saved for this layout); a preview of every row's problems, fixable in place; then
 * the import in one step with progress and 取消. The core keeps the file for the session; closing the wizard
 * lets it go.
 */
export function ImportWizard({ start, onClose }: { start: ImportStart; onClose: () => void }) {
  const nav = useLedgerNav();
  const job = useJob();
  const [stage, setStage] = useState<Stage>('file');
  const [kind, setKind] = useState<ImportKind>(start.kind);
  const [opened, setOpened] = useState<ImportOpened | null>(null);
  const [sheet, setSheet] = useState('');
  const [header, setHeader] = useState<HeaderRows | null>(null);
  const [layout, setLayout] = useState<{ key: string; value: ImportLayout } | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping[]>([]);
  const [choices, setChoices] = useState<PreviewChoices>(NO_CHOICES);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const sessionId = opened?.sessionId ?? null;

  // The core holds the file while the session is open; a new file or closing the wizard lets it go.
  useEffect(() => {
    if (!sessionId) return;
    return () => {
      call('imports:close', { sessionId }).catch(() => undefined);
    };
  }, [sessionId]);

  const fields = useMemo(() => fieldChoices(kind), [kind]);
  const fieldLabel = (key: string) => fields.find((f) => f.key === key)?.label ?? key;
  const missing = mappingGap(kind, mapping);
  const doubled = doubleFields(mapping).size > 0;

  const fieldOf = (p: ImportProblem): string | null => {
    const column = layout?.value.columns.find((c) => c.header === p.column);
    const mapped = column && mapping.find((m) => m.column === column.index)?.field;
    return mapped ?? fields.find((f) => f.label === p.column)?.key ?? null;
  };

  /** Runs one call with the wizard marked busy; a refusal is shown above the buttons in the core's words. */
  const step = async <T,>(what: string, work: () => Promise<T>): Promise<T | null> => {
    setBusy(what);
    setProblem(null);
    try {
      return await work();
    } catch (e) {
      setProblem(
        e instanceof ApiError && e.code === 'CANCELLED' ? '已取消，台账未作任何改动' : messageOf(e, '操作失败，请重试'),
      );
      return null;
    } finally {
      setBusy(null);
    }
  };

  const chooseFile = async () => {
    const done = await step('正在读取文件…', async () => {
      const fileRef = await pickSpreadsheet(false);
      if (!fileRef) return null;
      return call('imports:open', { fileRef });
    });
    if (!done) return;
    const first = done.sheets.find((s) => s.guessedHeader) ?? done.sheets[0];
    setOpened(done);
    setKind(done.detectedKind ?? (start.survey ? 'enterprises' : kind));
    setSheet(first?.name ?? '');
    setHeader(first?.guessedHeader ?? null);
    setLayout(null);
    setPreview(null);
    setReport(null);
    setChoices(NO_CHOICES);
    setStage('sheet');
  };

  const chooseSheet = (name: string) => {
    setSheet(name);
    setHeader(opened?.sheets.find((s) => s.name === name)?.guessedHeader ?? null);
  };

  const readColumns = async () => {
    if (!sessionId || !header) return;
    const key = layoutKey(kind, sheet, header);
    if (layout?.key !== key) {
      const value = await step('正在读取列…', () => call('imports:columns', { sessionId, kind, sheet, header }));
      if (!value) return;
      setLayout({ key, value });
      setMapping(value.mapping);
      setPreview(null);
    }
    setStage('mapping');
  };

  const plan = (c: PreviewChoices) => ({
    sessionId: sessionId!,
    kind,
    sheet,
    header: header!,
    mapping,
    onMatch: kind === 'survey' ? ('update' as const) : c.onMatch,
    addAreas: c.addAreas,
    overrides: c.overrides,
    mergeDuplicates: c.mergeDuplicates,
  });

  const runPreview = async (c: PreviewChoices) => {
    setChoices(c);
    const value = await step('正在检查每一行…', () =>
      job.run((jobId) => call('imports:preview', { ...plan(c), jobId })),
    );
    if (!value) return;
    setPreview(value);
    setStage('preview');
  };

  const commit = async () => {
    const value = await step('正在导入…', () =>
      job.run((jobId) => call('imports:commit', { ...plan(choices), jobId })),
    );
    if (!value) return;
    setReport(value);
    setStage('result');
    nav.changed();
  };

  const at = STAGES.indexOf(stage);
  const locked = busy !== null || report !== null;
  const goTo = (index: number) => {
    if (!locked && index < at) setStage(STAGES[index]!);
  };
  const toImport = preview ? preview.counts.add + preview.counts.update : 0;

  const footer = (
    <Flex justify="space-between" align="center" gap={8}>
      <div style={{ flex: 1, minWidth: 0 }}>
        {problem && <Alert type="error" showIcon title={problem} data-testid="import-error" />}
      </div>
      <Space>
        {stage !== 'file' && stage !== 'result' && (
          <Button onClick={() => goTo(at - 1)} disabled={locked}>
            上一步
          </Button>
        )}
        {stage === 'sheet' && (
          <Button type="primary" onClick={() => void readColumns()} disabled={!header} loading={busy !== null}>
            下一步：列对应
          </Button>
        )}
        {stage === 'mapping' && (
          <Button
            type="primary"
            onClick={() => void runPreview(choices)}
            disabled={doubled || missing !== null}
            loading={busy !== null}
            data-testid="import-to-preview"
          >
            下一步：预览
          </Button>
        )}
        {stage === 'preview' && (
          <Button
            type="primary"
            onClick={() => void commit()}
            disabled={toImport === 0 || busy !== null}
            data-testid="import-commit"
          >
            导入 {toImport} 条
          </Button>
        )}
        {stage === 'result' && (
          <Button type="primary" onClick={onClose} data-testid="import-done">
            完成
          </Button>
        )}
      </Space>
    </Flex>
  );

  return (
    <Drawer
      open
      size="100%"
      title={start.survey ? '导入回收的调查表' : '导入表格'}
      onClose={() => !job.running && onClose()}
      mask={{ closable: false }}
      footer={footer}
      destroyOnHidden
      styles={{ body: { paddingTop: 12 } }}
    >
      <div data-testid="import-wizard" data-stage={stage} data-busy={String(busy !== null)}>
        <Steps
          size="small"
          current={at}
          status={stage === 'result' ? 'finish' : undefined}
          onChange={goTo}
          style={{ marginBottom: 16 }}
          items={[
            { title: '选择文件', disabled: locked },
            { title: '工作表与表头', disabled: locked || at < 1 },
            { title: '列对应', disabled: locked || at < 2 },
            { title: '预览', disabled: locked || at < 3 },
            { title: '导入' },
          ]}
        />
        {job.running && (
          <div style={{ marginBottom: 12 }}>
            <JobProgressView
              job={job}
              idle={busy ?? '正在准备…'}
              testId="import-progress"
              expectedTotal={preview?.totalRows}
            />
          </div>
        )}
        {stage === 'file' && (
          <FileStep
            kind={kind}
            onKind={setKind}
            survey={!!start.survey}
            busy={busy}
            onChoose={() => void chooseFile()}
          />
        )}
        {stage === 'sheet' && opened && (
          <SheetStep
            opened={opened}
            kind={kind}
            onKind={setKind}
            sheet={sheet}
            onSheet={chooseSheet}
            header={header}
            onHeader={setHeader}
            expectSurvey={!!start.survey}
          />
        )}
        {stage === 'mapping' && layout && (
          <MappingStep
            layout={layout.value}
            mapping={mapping}
            onChange={setMapping}
            fields={fields}
            missing={missing}
          />
        )}
        {stage === 'preview' && preview && (
          <PreviewStep
            kind={kind}
            preview={preview}
            choices={choices}
            onChoices={(c) => void runPreview(c)}
            fieldOf={fieldOf}
            fieldLabel={fieldLabel}
            numeric={(key) => isNumeric(fields.find((f) => f.key === key)?.type)}
            busy={busy !== null}
          />
        )}
        {stage === 'result' && report && <ResultStep report={report} kindLabel={IMPORT_KINDS[kind]} />}
      </div>
    </Drawer>
  );
}

function FileStep({
  kind,
  onKind,
  survey,
  busy,
  onChoose,
}: {
  kind: ImportKind;
  onKind: (k: ImportKind) => void;
  survey: boolean;
  busy: string | null;
  onChoose: () => void;
}) {
  return (
    <Flex vertical gap={16} style={{ maxWidth: 720 }} data-testid="import-file-step">
      {survey ? (
        <Alert
          type="info"
          showIcon
          title="选择企业或推进组填好交回的调查表（本程序导出的）。程序按每行的记录编号找到企业，导入前会列出每家企业改了什么。"
        />
      ) : (
        <Flex vertical gap={8}>
          <Typography.Text strong>要导入什么？</Typography.Text>
          <Radio.Group
            value={kind}
            onChange={(e) => onKind(e.target.value as ImportKind)}
            data-testid="import-kind"
            options={CHOOSABLE_KINDS.map((k) => ({ value: k, label: IMPORT_KINDS[k] }))}
          />
          <Typography.Text type="secondary">
            可以是 Excel 工作簿（.xlsx、.xls）、WPS 表格（.et）或 CSV
            文本。标题行、两行合并的表头、合计行都不要紧，下一步会让您确认表头和每列的含义，导入前先预览。本程序导出的调查表会自动识别。
          </Typography.Text>
        </Flex>
      )}
      <div>
        <Button
          type="primary"
          size="large"
          icon={<FileExcelOutlined />}
          onClick={onChoose}
          loading={busy !== null}
          data-testid="import-choose-file"
        >
          选择文件…
        </Button>
      </div>
      {busy && <Spin description={busy} />}
    </Flex>
  );
}
