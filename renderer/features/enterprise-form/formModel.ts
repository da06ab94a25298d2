import type { FormRule } from 'antd';
import type { z } from 'zod';
import type { EnterpriseDetail } from '../../../shared/domain/enterprise';
import {
  ENTERPRISE_FIELD_LABELS,
  enterpriseInput,
  type EnterpriseFields,
  type EnterpriseValues,
} from '../../../shared/domain/enterpriseInput';
import { checkEnterprise, localDate } from '../../../shared/domain/enterpriseRules';

export type FieldName = keyof EnterpriseFields;

/** What the form holds: a blank field is undefined (null from a cleared number box), never a made-up default. */
export type FormValues = { [K in FieldName]?: EnterpriseFields[K] | null };

export const FIELD_NAMES = Object.keys(ENTERPRISE_FIELD_LABELS) as FieldName[];

type InputField = keyof typeof enterpriseInput.shape;

/**
 * What the clerk can type: the record's fields less those that follow from links (组织设置 from the party
 * organisation, 党员名册 from the roster's own switch). The form holds those too, only to show them.
 */
const INPUT_FIELDS = Object.keys(enterpriseInput.shape) as InputField[];

function isInputField(field: string): field is InputField {
  return field in enterpriseInput.shape;
}

/** A new record starts from what the schema would fill in anyway, so the clerk sees those choices. */
export const BLANK: FormValues = {
  kind: 'enterprise',
  operatingStatus: 'normal',
  fullMembers: 0,
  probationaryMembers: 0,
  activists: 0,
  starRating: 0,
};

export function fromDetail(d: EnterpriseDetail): FormValues {
  return Object.fromEntries(FIELD_NAMES.map((f) => [f, d[f] ?? undefined])) as FormValues;
}

/** What the form says, blanks all alike: two equal snapshots mean nothing was changed that would be saved. */
export function snapshot(values: FormValues): string {
  return JSON.stringify(FIELD_NAMES.map((f) => (values[f] === '' ? null : (values[f] ?? null))));
}

/**
 * Blank fields are left out: the schema turns a missing optional field into null and a missing defaulted one into
 * its default, which is exactly what blank means for each.
 */
function toRaw(values: FormValues): Record<string, unknown> {
  return Object.fromEntries(INPUT_FIELDS.flatMap((f) => (values[f] == null ? [] : [[f, values[f]]])));
}

export function parseForm(values: FormValues): z.ZodSafeParseResult<EnterpriseValues> {
  return enterpriseInput.safeParse(toRaw(values));
}

const schemaOf = (field: InputField) => enterpriseInput.shape[field] as z.ZodType;

/** Each field is checked by the very schema the core applies, so the screen and the core never disagree. */
function schemaRule(field: FieldName): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      if (!isInputField(field)) return;
      const result = schemaOf(field).safeParse(value ?? undefined);
      if (!result.success) throw new Error(result.error.issues[0]?.message ?? '填写有误');
    },
  };
}

type Checked = Parameters<typeof checkEnterprise>[0];

/** Typed as a record so that a field added to the cross-field rules cannot be forgotten here. */
const CROSS_CHECKED: Readonly<Record<keyof Checked, true>> = {
  foundedOn: true,
  statusSince: true,
  surveyedOn: true,
  operatingStatus: true,
  employees: true,
  youngEmployees: true,
  fullMembers: true,
  probationaryMembers: true,
  membersInEnterprise: true,
  membersInTalentAgency: true,
  membersAtOrigin: true,
  membersTemporary: true,
  membersFloating: true,
  hasVenue: true,
  venueArea: true,
};
const CROSS_FIELDS = Object.keys(CROSS_CHECKED) as (keyof Checked)[];

function isCrossChecked(field: FieldName): field is keyof Checked {
  return field in CROSS_CHECKED;
}

/** A field its own schema rejects counts as blank here: its own rule already says what is wrong with it. */
function crossCheck(getFieldsValue: (names: FieldName[]) => FormValues) {
  const values = getFieldsValue(CROSS_FIELDS);
  const checked = Object.fromEntries(
    CROSS_FIELDS.map((f) => {
      const parsed = schemaOf(f).safeParse(values[f] ?? undefined);
      return [f, parsed.success ? parsed.data : schemaOf(f).parse(undefined)];
    }),
  ) as Checked;
  return checkEnterprise(checked, localDate(new Date()));
}

function crossRule(field: FieldName, kind: 'errors' | 'warnings'): FormRule {
  return ({ getFieldsValue }) => ({
    warningOnly: kind === 'warnings',
    validator: async () => {
      const issues = crossCheck(getFieldsValue)[kind];
      const messages = issues.filter((i) => i.field === field).map((i) => i.message);
      if (messages.length > 0) throw new Error(messages.join('；'));
    },
  });
}

export function rulesFor(field: FieldName): FormRule[] {
  return isCrossChecked(field)
    ? [schemaRule(field), crossRule(field, 'errors'), crossRule(field, 'warnings')]
    : [schemaRule(field)];
}

/** A cross-field problem may land on a field other than the one just typed in, so each re-checks on the others. */
export function dependenciesOf(field: FieldName): FieldName[] | undefined {
  return isCrossChecked(field) ? CROSS_FIELDS.filter((f) => f !== field) : undefined;
}

/** `input.uscc` → `uscc`, when the core's error names a field of this form. */
export function formFieldOf(apiField: string | undefined): FieldName | null {
  const name = apiField?.startsWith('input.') ? apiField.slice('input.'.length) : null;
  return name !== null && isInputField(name) ? name : null;
}
