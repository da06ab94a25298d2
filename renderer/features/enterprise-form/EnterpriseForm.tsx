import { Alert, Button, Drawer, Form, Spin, type FormInstance } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { call } from '../../api/client';
import { enterMovesToNextField } from '../../components/enterMovesToNextField';
import { messageOf, showFieldError, validateOrFocusFirstError } from '../../components/formErrors';
import { FormDrawerFooter, ShortcutHint } from '../../components/FormDrawerFooter';
import { useDiscardGuard } from '../../components/useDiscardGuard';
import { useFormSaving } from '../../components/useFormSaving';
import { useSavedMessage } from '../../components/useSavedMessage';
import { useSaveShortcut } from '../../components/useSaveShortcut';
import type { EnterpriseOption } from '../people/EnterpriseSelect';
import { useLookups } from '../settings/useLookups';
import { BLANK, FIELD_NAMES, formFieldOf, fromDetail, parseForm, snapshot, type FormValues } from './formModel';
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

/**
 * 新增/编辑企业: every field of the 八清 survey, checked as the clerk types by the same rules the core applies.
 * Built for entering a pile of survey sheets from the keyboard: Enter moves on, Ctrl+S saves, Ctrl+Shift+S saves
 * and starts the next sheet in the same area and work group.
 */
export function EnterpriseForm({ open, enterpriseId, onClose, onSaved }: EnterpriseFormProps) {
  const [form] = Form.useForm<FormValues>();
  const showSaved = useSavedMessage();
  const { lookups, error: lookupsError } = useLookups(open);
  const [loaded, setLoaded] = useState<{
    id: number;
    name: string;
    rosterKept: boolean;
    /** The saved 商会/行业协会 and 龙头企业, named for their pickers. */
    links: EnterpriseOption[];
  } | null>(null);
  const { saving, problem, setProblem, attempt, send } = useFormSaving(form, formFieldOf);
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
        const links = [
          { id: d.associationId, name: d.associationName },
          { id: d.leadEnterpriseId, name: d.leadEnterpriseName },
        ].flatMap((l) => (l.id !== null && l.name !== null ? [{ id: l.id, name: l.name }] : []));
        setLoaded({ id: d.id, name: d.name, rosterKept: d.rosterKept, links });
        focusName(form, body.current);
      },
      (e: unknown) => live && setProblem(messageOf(e, '读取企业信息失败，请重试')),
    );
    return () => {
      live = false;
    };
  }, [open, enterpriseId, form, setProblem]);

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

  const requestClose = useDiscardGuard({
    what: '这份企业信息',
    hasChanges: () => snapshot(form.getFieldsValue(true)) !== baseline.current,
    saving,
    onClose: close,
  });

  const save = (andNew: boolean) => {
    if (!ready) return;
    return attempt(async () => {
      if (!(await validateOrFocusFirstError(form))) return;
      // The per-field rules have passed, so this only normalises; a failure here would mean the rules and the schema
      // disagree, and is still shown where it belongs rather than sent.
      const parsed = parseForm(form.getFieldsValue(true));
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const field = formFieldOf(`input.${String(issue?.path[0] ?? '')}`);
        if (field && issue) showFieldError(form, field, issue.message);
        else setProblem(issue?.message ?? '填写有误');
        return;
      }
      await send(async () => {
        const result =
          enterpriseId === null
            ? await call('enterprises:create', { input: parsed.data })
            : await call('enterprises:update', { id: enterpriseId, input: parsed.data });
        showSaved('已保存', result.warnings);
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
      });
    });
  };

  // Ctrl+Enter saves as well; Ctrl+Shift+S is 保存并新增 only where that button is shown.
  useSaveShortcut((andNew) => void save(andNew), { andNew: !editing, ctrlEnter: true, enabled: open });

  const footer = (
    <FormDrawerFooter
      testId="enterprise"
      problem={problem}
      notice={lookupsError && <Alert type="warning" showIcon title={lookupsError} />}
      onCancel={requestClose}
      otherButtons={
        !editing && (
          <Button onClick={() => void save(true)} loading={saving} title="保存后接着新增下一家（Ctrl+Shift+S）">
            保存并新增<ShortcutHint>Ctrl+Shift+S</ShortcutHint>
          </Button>
        )
      }
      onSave={() => void save(false)}
      saving={saving}
      saveDisabled={!ready}
    />
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
      <div ref={body} onKeyDown={enterMovesToNextField}>
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
            <OwnerSection enterpriseId={enterpriseId} />
            <MembersSection rosterKept={editing && loaded?.id === enterpriseId && loaded.rosterKept} />
            <OrganisationSection lookups={lookups} />
            <FormationSection
              lookups={lookups}
              enterpriseId={enterpriseId}
              known={loaded?.id === enterpriseId ? loaded.links : []}
            />
            <FollowUpSection lookups={lookups} />
          </Form>
        </Spin>
      </div>
    </Drawer>
  );
}
