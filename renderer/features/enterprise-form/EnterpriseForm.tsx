import { Alert, App, Button, Drawer, Flex, Form, Spin, type FormInstance } from 'antd';
import { useEffect, useEffectEvent, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import type { SaveResult } from '../../../shared/ipc/enterprises';
import { ApiError, call } from '../../api/client';
import { focusNext } from '../../components/focusNext';
import { useLookups } from '../settings/useLookups';
import {
  BLANK,
  FIELD_NAMES,
  formFieldOf,
  fromDetail,
  parseForm,
  snapshot,
  type FieldName,
  type FormValues,
} from './formModel';
import { NatureSection } from './NatureSection';
import { FollowUpSection, FormationSection, OrganisationSection } from './OrgSections';
import { MembersSection, OwnerSection } from './PeopleSections';
import { OperationSection, StaffSection } from './StaffSections';

export interface EnterpriseFormProps {
  open: boolean;
  /** null: a new enterprise. */
  enterpriseId: number | null;
  onClose: () => void;
  /** After every successful save; 保存 then also closes through onClose, 保存并新增 keeps the form open. */
  onSaved: (id: number) => void;
}

const messageOf = (e: unknown, fallback: string) => (e instanceof ApiError ? e.message : fallback);

function firstErrorField(e: unknown): FieldName | null {
  if (typeof e !== 'object' || e === null || !('errorFields' in e)) return null;
  const fields = (e as { errorFields: { name: (string | number)[] }[] }).errorFields;
  return (fields[0]?.name[0] as FieldName | undefined) ?? null;
}

/** Controls with buttons of their own (clear, step up/down) that Enter should pass over. */
const COMPOUND_CONTROLS = '.ant-picker, .ant-input-number, .ant-input-affix-wrapper';

function savedMessage(result: SaveResult): string {
  return result.warnings.length === 0
    ? '已保存'
    : `已保存。请留意：${result.warnings.map((w) => w.message).join('；')}`;
}

/**
 * Puts `values` in every field and clears errors and touched marks. Unlike resetFields it keeps the inputs mounted,
 * so focus can go straight to the name box, and it works during the drawer's closing animation too.
 */
function fill(form: FormInstance<FormValues>, values: FormValues) {
  form.setFields(FIELD_NAMES.map((name) => ({ name, value: values[name], errors: [], warnings: [], touched: false })));
}

/** Puts the cursor in the name box, unless the clerk has already gone on to another field of the form. */
function focusName(form: FormInstance<FormValues>, body: HTMLElement | null) {
  const active = document.activeElement;
  if (!(active instanceof HTMLElement && body?.contains(active))) form.focusField('name');
}

/** Where a shortcut is shown on its button. */
function Keys({ children }: { children: string }) {
  return <span style={{ marginInlineStart: 6, fontSize: 12, opacity: 0.7 }}>{children}</span>;
}

/**
 * 新增/编辑企业: every field of the 八清 survey, checked as the clerk types by the same rules the core applies.
 * Built for entering a pile of survey sheets from the keyboard: Enter moves on, Ctrl+S saves, Ctrl+Shift+S saves
 * and starts the next sheet in the same area and work group.
 */
export function EnterpriseForm({ open, enterpriseId, onClose, onSaved }: EnterpriseFormProps) {
  const [form] = Form.useForm<FormValues>();
  const { message, modal } = App.useApp();
  const { lookups, error: lookupsError } = useLookups(open);
  const [loaded, setLoaded] = useState<{ id: number; name: string; rosterKept: boolean } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // A held-down Ctrl+S or a double click must not create the enterprise twice; state would update too late.
  const inFlight = useRef(false);
  // What the form held when it was last filled, to tell whether closing would lose anything.
  const baseline = useRef(snapshot(BLANK));
  const body = useRef<HTMLDivElement>(null);

  const editing = enterpriseId !== null;
  // Until the record is in the form, saving would overwrite it with blanks.
  const ready = !editing || loaded?.id === enterpriseId;
  // The lists are awaited too, or a loaded 所在区域 would show as a bare number until they arrive.
  const loading = open && ((!ready && problem === null) || (!lookups && !lookupsError));

  // Each opening starts from a blank sheet, or from the record as it is now.
  useEffect(() => {
    if (!open) return;
    fill(form, BLANK);
    baseline.current = snapshot(BLANK);
    if (enterpriseId === null) return;
    let live = true;
    call('enterprises:get', { id: enterpriseId }).then(
      (d) => {
        if (!live) return;
        const values = fromDetail(d);
        fill(form, values);
        baseline.current = snapshot(values);
        setLoaded({ id: d.id, name: d.name, rosterKept: d.rosterKept });
        focusName(form, body.current);
      },
      (e: unknown) => live && setProblem(messageOf(e, '读取企业信息失败，请重试')),
    );
    return () => {
      live = false;
    };
  }, [open, enterpriseId, form]);

  // The drawer moves focus into itself as it opens; the name box takes it back once it has.
  const onOpenChange = (nowOpen: boolean) => {
    if (nowOpen) focusName(form, body.current);
  };

  /** Forgets this opening's record and problem, so the next opening shows neither before it has loaded. */
  const close = () => {
    setLoaded(null);
    setProblem(null);
    onClose();
  };

  const requestClose = () => {
    if (saving) return;
    if (snapshot(form.getFieldsValue(true)) === baseline.current) {
      close();
      return;
    }
    modal.confirm({
      title: '放弃未保存的内容？',
      content: '这份企业信息有改动还没有保存，关闭后将丢失。',
      okText: '放弃并关闭',
      okType: 'danger',
      cancelText: '继续填写',
      onOk: close,
    });
  };

  const showFieldError = (field: FieldName, text: string) => {
    form.setFields([{ name: field, errors: [text] }]);
    form.scrollToField(field, { block: 'center', focus: true });
  };

  const save = async (andNew: boolean) => {
    if (inFlight.current || !ready) return;
    inFlight.current = true;
    setProblem(null);
    try {
      await validateAndSave(andNew);
    } finally {
      inFlight.current = false;
    }
  };

  const validateAndSave = async (andNew: boolean) => {
    try {
      await form.validateFields();
    } catch (e) {
      const first = firstErrorField(e);
      if (first) form.scrollToField(first, { block: 'center', focus: true });
      return;
    }
    // The per-field rules have passed, so this only normalises; a failure here would mean the rules and the schema
    // disagree, and is still shown where it belongs rather than sent.
    const parsed = parseForm(form.getFieldsValue(true));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = formFieldOf(`input.${String(issue?.path[0] ?? '')}`);
      if (field && issue) showFieldError(field, issue.message);
      else setProblem(issue?.message ?? '填写有误');
      return;
    }
    setSaving(true);
    try {
      const result =
        enterpriseId === null
          ? await call('enterprises:create', { input: parsed.data })
          : await call('enterprises:update', { id: enterpriseId, input: parsed.data });
      void message.success(savedMessage(result), result.warnings.length > 0 ? 6 : 2);
      onSaved(result.id);
      if (andNew) {
        const next: FormValues = {
          ...BLANK,
          areaId: form.getFieldValue('areaId'),
          workGroupId: form.getFieldValue('workGroupId'),
        };
        fill(form, next);
        baseline.current = snapshot(next);
        form.focusField('name');
      } else close();
    } catch (e) {
      const field = e instanceof ApiError ? formFieldOf(e.field) : null;
      if (field) showFieldError(field, (e as ApiError).message);
      else setProblem(messageOf(e, '保存失败，请重试'));
    } finally {
      setSaving(false);
    }
  };

  const onShortcut = useEffectEvent((e: KeyboardEvent) => {
    if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
    const key = e.key.toLowerCase();
    if (key !== 's' && key !== 'enter') return;
    // Always, or the browser offers to save the page.
    e.preventDefault();
    if (!e.repeat) void save(key === 's' && e.shiftKey && !editing);
  });

  // On the window, so that the shortcuts work wherever focus is while the form is open.
  useEffect(() => {
    if (!open) return;
    const listener = (e: KeyboardEvent) => onShortcut(e);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, [open]);

  /** Enter in a box moves on like Tab; lists keep Enter for choosing, and text areas for new lines. */
  const onEnter = (e: ReactKeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Enter' || e.ctrlKey || e.metaKey || e.altKey || e.shiftKey) return;
    // An IME (pinyin) uses Enter to commit what is being composed.
    if (e.nativeEvent.isComposing || e.keyCode === 229) return;
    const target = e.target;
    if (!(target instanceof HTMLInputElement) || target.closest('.ant-select')) return;
    e.preventDefault();
    focusNext(target, e.currentTarget, COMPOUND_CONTROLS);
  };

  const footer = (
    <Flex vertical gap={8}>
      {problem && <Alert type="error" showIcon title={problem} data-testid="enterprise-form-error" />}
      {lookupsError && <Alert type="warning" showIcon title={lookupsError} />}
      <Flex justify="end" gap={8}>
        <Button onClick={requestClose}>取消</Button>
        {!editing && (
          <Button onClick={() => void save(true)} loading={saving} title="保存后接着新增下一家（Ctrl+Shift+S）">
            保存并新增<Keys>Ctrl+Shift+S</Keys>
          </Button>
        )}
        <Button
          type="primary"
          onClick={() => void save(false)}
          loading={saving}
          disabled={!ready}
          data-testid="enterprise-save"
        >
          保存<Keys>Ctrl+S</Keys>
        </Button>
      </Flex>
    </Flex>
  );

  return (
    <Drawer
      open={open}
      onClose={requestClose}
      afterOpenChange={onOpenChange}
      // The add and the edit form may both be mounted; a closed one must leave no inputs behind with the same ids.
      destroyOnHidden
      size="min(1080px, 100vw)"
      title={editing ? `编辑企业${loaded ? `：${loaded.name}` : ''}` : '新增企业'}
      footer={footer}
    >
      <div ref={body} onKeyDown={onEnter}>
        <Spin spinning={loading} description="正在读取…">
          <Form
            form={form}
            name="enterprise"
            layout="vertical"
            initialValues={BLANK}
            validateTrigger={['onChange', 'onBlur']}
            data-testid="enterprise-form"
          >
            <NatureSection areas={lookups?.areas ?? null} />
            <OperationSection />
            <StaffSection />
            <OwnerSection />
            <MembersSection rosterKept={editing && loaded?.id === enterpriseId && loaded.rosterKept} />
            <OrganisationSection lookups={lookups} />
            <FormationSection />
            <FollowUpSection lookups={lookups} />
          </Form>
        </Spin>
      </div>
    </Drawer>
  );
}
