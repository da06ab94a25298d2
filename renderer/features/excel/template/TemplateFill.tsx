import { FileExcelOutlined } from '@ant-design/icons';
import { Alert, App, Button, Drawer, Flex, Radio, Result, Select, Space, Spin, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import {
  TEMPLATE_ORDERS,
  TEMPLATE_ROW_UNITS,
  TEMPLATE_SCOPES,
  type TemplateFilled,
  type TemplateOpened,
  type TemplateOrder,
  type TemplateRowUnit,
  type TemplateScope,
} from '../../../../shared/ipc/exports';
import { call, pickSpreadsheet, saveExport } from '../../../api/client';
import { messageOf } from '../../../components/formErrors';
import { useJob } from '../../../components/useJob';
import { HeadGrid } from '../HeadGrid';
import { JobProgressView } from '../JobProgressView';
import { columnsUnder, draftFor, mappingOf, type Draft } from './sourceChoices';
import { TemplateColumns } from './TemplateColumns';

const options = <K extends string>(labels: Readonly<Record<K, string>>) =>
  (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));

/**
 * 按上级模板填报: open the workbook sent from above, mark its header row, say whether each row is an enterprise or
 * an area, map each column to what fills it (guessed from the header, or last time's mapping), and save a filled
 * copy. The template's styles, merges and formulas are kept; the mapping is saved for next year.
 */
export function TemplateFill({ onClose, onFilled }: { onClose: () => void; onFilled: () => void }) {
  const { message } = App.useApp();
  const job = useJob();
  const [opened, setOpened] = useState<TemplateOpened | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<{ fileName: string; rows: number; warnings: string[] } | null>(null);

  const sheet = opened && draft ? opened.sheets.find((s) => s.name === draft.sheet) : undefined;
  const headerRow = draft?.headerRow ?? null;
  const columns = useMemo(() => (sheet && headerRow ? columnsUnder(sheet, headerRow) : []), [sheet, headerRow]);
  const keep = (d: Draft) => ({ rowUnit: d.rowUnit, scope: d.scope, order: d.order });

  const choose = async () => {
    setProblem(null);
    setBusy(true);
    try {
      const fileRef = await pickSpreadsheet(true);
      if (!fileRef) return;
      const o = await call('templates:open', { fileRef });
      const first = o.saved?.sheet ?? o.sheets.find((s) => s.guessedHeaderRow)?.name ?? o.sheets[0]?.name ?? '';
      setOpened(o);
      setDraft(draftFor(o, first, null));
      setDone(null);
    } catch (e) {
      setProblem(messageOf(e, '打开模板失败，请重试'));
    } finally {
      setBusy(false);
    }
  };

  const fill = async () => {
    if (!opened || !draft || draft.headerRow === null) return;
    const mapping = mappingOf({ ...draft, headerRow: draft.headerRow });
    if (mapping.columns.length === 0) {
      setProblem('请至少为一列选择要填写的内容');
      return;
    }
    setProblem(null);
    const suggested = `${opened.fileName.replace(/\.xlsx$/i, '')}（已填报）.xlsx`;
    let warnings: string[] = [];
    try {
      const saved = await job.run((jobId) =>
        saveExport(suggested, async (target) => {
          const filled: TemplateFilled = await call('templates:fill', {
            sessionId: opened.sessionId,
            mapping,
            target,
            jobId,
          });
          warnings = filled.warnings;
          return filled;
        }),
      );
      if (!saved) return;
      setDone({ ...saved, warnings });
      onFilled();
      void message.success(`已填报并保存“${saved.fileName}”，共 ${saved.rows} 行`);
    } catch (e) {
      setProblem(messageOf(e, '填报失败，请重试'));
    }
  };

  const footer = (
    <Flex justify="space-between" align="center" gap={8}>
      <div style={{ flex: 1, minWidth: 0 }}>
        {problem && <Alert type="error" showIcon title={problem} data-testid="template-error" />}
      </div>
      <Space>
        {done ? (
          <Button type="primary" onClick={onClose}>
            完成
          </Button>
        ) : (
          <Button
            type="primary"
            onClick={() => void fill()}
            disabled={headerRow === null || !draft || draft.columns.size === 0}
            loading={job.running}
            data-testid="template-fill"
          >
            填报并保存
          </Button>
        )}
      </Space>
    </Flex>
  );

  return (
    <Drawer
      open
      size="min(1200px, 100vw)"
      title="按上级模板填报"
      onClose={() => !job.running && onClose()}
      mask={{ closable: false }}
      footer={opened ? footer : undefined}
      styles={{ body: { paddingTop: 12 } }}
    >
      <Flex vertical gap={12} data-testid="template-fill-drawer" data-state={done ? 'done' : opened ? 'open' : 'empty'}>
        {!opened && (
          <Flex vertical gap={12} style={{ maxWidth: 640 }}>
            <Typography.Text>
              选择上级发来的 .xlsx
              模板。程序只往数据区写数，模板的标题、表头、格式、合并单元格和公式都保留，另存为一个新文件，原文件不变。
            </Typography.Text>
            <div>
              <Button
                type="primary"
                size="large"
                icon={<FileExcelOutlined />}
                loading={busy}
                onClick={() => void choose()}
                data-testid="template-choose"
              >
                选择模板…
              </Button>
            </div>
            {busy && <Spin description="正在读取模板…" />}
            {problem && <Alert type="error" showIcon title={problem} />}
          </Flex>
        )}
        {opened && draft && !done && (
          <>
            <Space wrap size={[16, 8]}>
              <Typography.Text>
                模板：<b>{opened.fileName}</b>
              </Typography.Text>
              <Space size={4}>
                <Typography.Text>工作表</Typography.Text>
                <Select
                  aria-label="工作表"
                  value={draft.sheet}
                  style={{ width: 180 }}
                  onChange={(name: string) => setDraft(draftFor(opened, name, null, keep(draft)))}
                  options={opened.sheets.map((s) => ({ value: s.name, label: s.name }))}
                />
              </Space>
              <Space size={4}>
                <Typography.Text>每行填写</Typography.Text>
                <Radio.Group
                  value={draft.rowUnit}
                  // An enterprise's fields and an area's statistics are different sources: guess again.
                  onChange={(e) =>
                    setDraft(
                      draftFor(opened, draft.sheet, draft.headerRow, {
                        ...keep(draft),
                        rowUnit: e.target.value as TemplateRowUnit,
                      }),
                    )
                  }
                  options={options(TEMPLATE_ROW_UNITS)}
                  data-testid="template-row-unit"
                />
              </Space>
              <Space size={4}>
                <Typography.Text>填报范围</Typography.Text>
                <Select<TemplateScope>
                  aria-label="填报范围"
                  value={draft.scope}
                  popupMatchSelectWidth={false}
                  style={{ width: 240 }}
                  onChange={(scope) => setDraft({ ...draft, scope })}
                  options={options(TEMPLATE_SCOPES)}
                />
              </Space>
              {draft.rowUnit === 'enterprise' && (
                <Space size={4}>
                  <Typography.Text>排列</Typography.Text>
                  <Select<TemplateOrder>
                    aria-label="企业排列顺序"
                    value={draft.order}
                    style={{ width: 150 }}
                    onChange={(order) => setDraft({ ...draft, order })}
                    options={options(TEMPLATE_ORDERS)}
                  />
                </Space>
              )}
            </Space>
            <Flex gap={8} align="center" wrap>
              <Typography.Text type="secondary">
                点击表头所在的行（两行表头点下面一行），数据从表头下一行开始填写。
                {headerRow ? `当前表头：第 ${headerRow} 行。` : '尚未选择表头行。'}
              </Typography.Text>
              {draft.origin === 'saved' && (
                <Tag color="green" data-testid="template-saved-mapping">
                  已使用上次保存的对应关系
                </Tag>
              )}
              {draft.origin === 'guessed' && draft.columns.size > 0 && <Tag color="blue">已按表头文字推测，请核对</Tag>}
            </Flex>
            {sheet && (
              <HeadGrid
                head={sheet.head}
                header={headerRow ? { start: headerRow, end: headerRow } : null}
                onPick={(row) => setDraft(draftFor(opened, draft.sheet, row, keep(draft)))}
                testId="template-head-grid"
                maxHeight={190}
              />
            )}
            {headerRow && (
              <TemplateColumns
                columns={columns}
                sources={opened.sources[draft.rowUnit]}
                value={draft.columns}
                onChange={(next) => setDraft({ ...draft, columns: next, origin: 'clerk' })}
              />
            )}
            {job.running && <JobProgressView job={job} idle="正在填报…" testId="template-progress" />}
          </>
        )}
        {done && (
          <Flex vertical gap={8}>
            <Result
              status="success"
              title="填报完成"
              subTitle={
                <span data-testid="template-done">
                  已保存“{done.fileName}”，填写了 {done.rows} 行。对应关系已保存，明年打开同一模板会自动使用。
                </span>
              }
            />
            {done.warnings.length > 0 && (
              <Alert
                type="warning"
                showIcon
                title="请核对："
                description={
                  <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                    {done.warnings.map((w) => (
                      <li key={w}>{w}</li>
                    ))}
                  </ul>
                }
              />
            )}
          </Flex>
        )}
      </Flex>
    </Drawer>
  );
}
