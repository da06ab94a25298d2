import {
  DeleteOutlined,
  EyeOutlined,
  FilePdfOutlined,
  FileWordOutlined,
  PrinterOutlined,
  RollbackOutlined,
  SendOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Drawer, Form, Popconfirm, Space, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { DOC_KINDS, DOC_SOURCES, type GongwenContent } from '../../../shared/documents/model';
import { CONTENT_LABELS } from '../../../shared/documents/rules';
import type { DocumentDetail } from '../../../shared/ipc/documents';
import { ApiError, call, savePrint } from '../../api/client';
import { FormDrawerFooter } from '../../components/FormDrawerFooter';
import { messageOf, showFieldError } from '../../components/formErrors';
import { orDash } from '../../components/format';
import { OpenLink } from '../../components/OpenLink';
import { useDiscardGuard } from '../../components/useDiscardGuard';
import { useErrorMessage } from '../../components/useErrorMessage';
import { useFormSaving } from '../../components/useFormSaving';
import { useSaveShortcut } from '../../components/useSaveShortcut';
import { useLedgerNav } from '../ledger/navigation';
import { ContentFields } from './ContentFields';
import { IssueModal } from './IssueModal';
import { DocStatusTag, safeFileName, thisYear } from './labels';
import { PdfPreview } from './PdfPreview';
import { usePdfPreview } from './usePdfPreview';
import { WithdrawModal } from './WithdrawModal';

/** The core names a content field `content.title` (saving) or `title` (issuing); the form calls it `title`. */
export function contentFieldOf(apiField: string | undefined): string | null {
  const name = apiField?.replace(/^content\./, '').split('.')[0];
  return name && name in CONTENT_LABELS ? name : null;
}

/** The form's values as the contract takes them: a cleared date is blank, not missing. */
function contentOf(values: GongwenContent): GongwenContent {
  return { ...values, date: values.date ?? '', printedOn: values.printedOn ?? '' };
}

/**
 * Whether the form holds anything the saved content does not. Compared by value, not by the form's touched marks,
 * which a refusal shown beside a field or a save that left the time stamp unchanged would leave behind.
 */
function changedFrom(saved: GongwenContent, values: GongwenContent): boolean {
  const now = contentOf(values);
  return (Object.keys(CONTENT_LABELS) as (keyof GongwenContent)[]).some(
    (k) => JSON.stringify(now[k] ?? '') !== JSON.stringify(saved[k] ?? ''),
  );
}

/**
 * One 公文: its fields in the standard's order, 保存草稿, 预览 (exactly as it prints), 打印, 导出PDF / Word, 发文 with the
 * register's number, and 撤回. An issued document is archived: shown read-only.
 */
export function DocumentEditor({
  id,
  onClose,
  onChanged,
}: {
  id: number | null;
  onClose: () => void;
  onChanged?: (doc: DocumentDetail) => void;
}) {
  const nav = useLedgerNav();
  const { message } = App.useApp();
  const showError = useErrorMessage();
  const [form] = Form.useForm<GongwenContent>();
  const [doc, setDoc] = useState<DocumentDetail | null>(null);
  const [issuing, setIssuing] = useState(false);
  const [withdrawing, setWithdrawing] = useState(false);
  const preview = usePdfPreview();
  const { saving, problem, setProblem, attempt, send } = useFormSaving(form, contentFieldOf);
  const shown = doc && doc.id === id ? doc : null;
  const editable = !nav.readOnly && shown?.status === 'draft';

  useEffect(() => {
    if (id === null) return;
    let live = true;
    call('documents:get', { id }).then(
      (d) => live && setDoc(d),
      (e: unknown) => {
        if (!live) return;
        showError(e);
        if (e instanceof ApiError && e.code === 'NOT_FOUND') onClose();
      },
    );
    return () => {
      live = false;
    };
    // onClose is a fresh arrow each render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id, showError]);

  const resetKey = shown ? `${shown.id}@${shown.updatedAt}` : null;
  useEffect(() => {
    if (!shown) return;
    form.resetFields();
    form.setFieldsValue(shown.content);
    // Only a new version of the record starts the form again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [resetKey]);

  const updated = (d: DocumentDetail) => {
    setDoc(d);
    onChanged?.(d);
    nav.changed();
  };

  /** Saves the draft; true when saved (or nothing to save). */
  const save = async (quiet = false): Promise<boolean> => {
    if (!shown || !editable) return true;
    let ok = false;
    await attempt(() =>
      send(async () => {
        const saved = await call('documents:save', { id: shown.id, content: contentOf(form.getFieldsValue(true)) });
        ok = true;
        if (!quiet) void message.success('草稿已保存');
        updated(saved);
      }),
    );
    return ok;
  };

  const requestClose = useDiscardGuard({
    what: '这份公文',
    hasChanges: () => editable && shown !== null && changedFrom(shown.content, form.getFieldsValue(true)),
    saving,
    onClose: () => {
      setProblem(null);
      onClose();
    },
  });
  useSaveShortcut(() => void save(), { enabled: id !== null && editable });

  const name = shown ? safeFileName(shown.number ?? (shown.content.title || '公文草稿')) : '公文';

  const showPreview = async (print = false) => {
    if (!shown || !(await save(true))) return;
    await preview.open({ kind: 'documents', ids: [shown.id] }, shown.number ?? '公文草稿预览', print);
  };

  const exportDocx = async () => {
    if (!shown || !(await save(true))) return;
    try {
      const saved = await savePrint(`${name}.docx`, (target) => call('print:docx', { id: shown.id, target }));
      if (saved) void message.success(`已导出 ${saved.fileName}`);
    } catch (e) {
      showError(e);
    }
  };

  const exportPdf = async () => {
    if (!shown || !(await save(true))) return;
    try {
      const saved = await savePrint(`${name}.pdf`, (target) =>
        call('print:pdf', { what: { kind: 'documents', ids: [shown.id] }, target }),
      );
      if (saved) void message.success(`已导出 ${saved.fileName}（共${saved.pages}页）`);
    } catch (e) {
      showError(e);
    }
  };

  const startIssue = async () => {
    if (await save(true)) setIssuing(true);
  };

  const issue = async (seq: number) => {
    if (!shown) return;
    try {
      const issued = await call('documents:issue', { id: shown.id, seq });
      setIssuing(false);
      void message.success(`已发文：${issued.number ?? ''}`);
      updated(issued);
    } catch (e) {
      const field = e instanceof ApiError ? contentFieldOf(e.field) : null;
      if (field) {
        // Not ready to print: the refusal goes beside the field at fault, with the field in view.
        setIssuing(false);
        showFieldError(form, field, (e as ApiError).message);
      }
      setProblem(messageOf(e, '发文失败，请重试'));
      if (!field) showError(e);
    }
  };

  const withdraw = async (reason: string) => {
    if (!shown) return;
    const done = await call('documents:withdraw', { id: shown.id, reason });
    setWithdrawing(false);
    void message.success('公文已撤回');
    updated(done);
  };

  /** Only a draft goes: an issued document keeps its number and is withdrawn instead. */
  const removeDraft = async () => {
    if (!shown) return;
    try {
      await call('documents:delete', { id: shown.id });
    } catch (e) {
      showError(e);
      return;
    }
    void message.success('草稿已删除');
    nav.changed();
    setProblem(null);
    onClose();
  };

  const year = Number((form.getFieldValue('date') as string | undefined)?.slice(0, 4)) || thisYear();

  const actions = shown && (
    <Space wrap>
      <Button
        icon={<EyeOutlined />}
        loading={preview.busy}
        onClick={() => void showPreview()}
        data-testid="doc-preview"
      >
        预览
      </Button>
      <Button icon={<PrinterOutlined />} onClick={() => void showPreview(true)} data-testid="doc-print">
        打印
      </Button>
      <Button icon={<FilePdfOutlined />} onClick={() => void exportPdf()} data-testid="doc-export-pdf">
        导出PDF
      </Button>
      <Button icon={<FileWordOutlined />} onClick={() => void exportDocx()} data-testid="doc-export-docx">
        导出Word
      </Button>
      {editable && (
        <Button type="primary" icon={<SendOutlined />} onClick={() => void startIssue()} data-testid="doc-issue">
          发文
        </Button>
      )}
      {editable && (
        <Popconfirm
          title="删除这份草稿？"
          description="草稿尚未发文、没有文号，删除后不能恢复。"
          okText="删除"
          okButtonProps={{ danger: true }}
          cancelText="取消"
          onConfirm={() => void removeDraft()}
        >
          <Button danger icon={<DeleteOutlined />} data-testid="doc-delete">
            删除草稿
          </Button>
        </Popconfirm>
      )}
      {!nav.readOnly && shown.status === 'issued' && (
        <Button danger icon={<RollbackOutlined />} onClick={() => setWithdrawing(true)} data-testid="doc-withdraw">
          撤回
        </Button>
      )}
    </Space>
  );

  return (
    <Drawer
      open={id !== null}
      onClose={requestClose}
      size="min(1000px, 100vw)"
      title={
        shown ? (
          <Space size={8}>
            <span data-testid="doc-editor-title">{shown.number ?? `${DOC_KINDS[shown.content.kind]}（草稿）`}</span>
            <DocStatusTag status={shown.status} />
          </Space>
        ) : (
          '公文'
        )
      }
      extra={actions}
      footer={
        editable ? (
          <FormDrawerFooter
            testId="doc"
            problem={problem}
            onCancel={requestClose}
            onSave={() => void save()}
            saving={saving}
          />
        ) : null
      }
      mask={{ closable: false }}
      data-testid="doc-editor"
    >
      {!shown ? (
        <Spin />
      ) : (
        <div data-testid="doc-body" data-doc-id={shown.id} data-status={shown.status} data-number={shown.number ?? ''}>
          <DocumentFacts doc={shown} />
          <Form<GongwenContent> form={form} layout="vertical" name="document" data-testid="doc-form">
            <ContentFields editable={editable} />
          </Form>
        </div>
      )}
      {issuing && <IssueModal year={year} onCancel={() => setIssuing(false)} onIssue={issue} />}
      <WithdrawModal
        open={withdrawing}
        number={shown?.number ?? null}
        onCancel={() => setWithdrawing(false)}
        onWithdraw={withdraw}
      />
      <PdfPreview shown={preview.shown} onClose={preview.close} />
    </Drawer>
  );
}

function DocumentFacts({ doc }: { doc: DocumentDetail }) {
  const nav = useLedgerNav();
  const lock =
    doc.status === 'issued'
      ? `已发文并归档，不能再修改；如需作废请撤回。${doc.recordedOn ? `已登记在${doc.recordedOn}。` : ''}`
      : doc.status === 'withdrawn'
        ? `已撤回：${orDash(doc.withdrawReason)}。发文字号保留，不再使用。`
        : null;
  return (
    <>
      {lock && <Alert type="info" showIcon title={lock} style={{ marginBottom: 12 }} data-testid="doc-locked" />}
      <Descriptions size="small" column={3} bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label="公文类型">{DOC_SOURCES[doc.source]}</Descriptions.Item>
        <Descriptions.Item label="发文字号">
          <span data-testid="doc-number">{doc.number ?? '发文时编号'}</span>
        </Descriptions.Item>
        <Descriptions.Item label="企业">
          {doc.enterpriseId !== null ? (
            <OpenLink
              onOpen={() => nav.open({ kind: 'enterprise', id: doc.enterpriseId! })}
              testId="doc-enterprise-link"
            >
              {doc.enterpriseName}
            </OpenLink>
          ) : (
            '—'
          )}
        </Descriptions.Item>
      </Descriptions>
    </>
  );
}
