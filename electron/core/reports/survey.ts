import { ENTERPRISE_FIELD_LABELS } from '../../../shared/domain/enterpriseInput';
import { INDUSTRY_SECTIONS, OPERATING_STATUSES, OWNERSHIPS } from '../../../shared/domain/labels';
import { maskPhone } from '../../../shared/domain/masking';
import type { CellValue, ColumnKind, ReportColumn, ReportModel } from '../../../shared/excel/reportModel';
import {
  SURVEY_FIELDS,
  SURVEY_ID_HEADER,
  SURVEY_MARK,
  SURVEY_MARK_SHEET,
  type SurveyField,
} from '../../../shared/excel/survey';
import { reportHead, yesNo, type ReportInput } from './context';
import { ledgerIds, ledgerRecords } from './ledger';
import type { LedgerRecord } from './ledgerColumns';

const YES_NO = ['是', '否'] as const;
const label = (labels: Readonly<Record<string, string>>, v: string | null) => (v === null ? null : (labels[v] ?? v));

interface SurveyColumn {
  kind: ColumnKind;
  width: number;
  choices?: readonly string[];
  unit?: string;
  value: (e: LedgerRecord, unmask: boolean) => CellValue;
}

const text = (width: number, f: SurveyField): SurveyColumn => ({
  kind: 'text',
  width,
  value: (e) => e[f] as string | null,
});
const number = (kind: 'int' | 'amount', f: SurveyField, unit?: string): SurveyColumn => ({
  kind,
  width: 4,
  unit,
  value: (e) => e[f] as number | null,
});
const flag = (f: SurveyField): SurveyColumn => ({
  kind: 'text',
  width: 3,
  choices: YES_NO,
  value: (e) => yesNo(e[f] as boolean),
});

/** How each 调查表 field is shown and offered; coded fields get a drop-down of their Chinese labels. */
const SURVEY_COLUMNS: Readonly<Record<SurveyField, SurveyColumn>> = {
  name: text(12, 'name'),
  uscc: text(10, 'uscc'),
  ownership: {
    kind: 'text',
    width: 7,
    choices: Object.values(OWNERSHIPS),
    value: (e) => label(OWNERSHIPS, e.ownership),
  },
  industry: {
    kind: 'text',
    width: 8,
    choices: Object.values(INDUSTRY_SECTIONS),
    value: (e) => label(INDUSTRY_SECTIONS, e.industry),
  },
  operatingStatus: {
    kind: 'text',
    width: 3,
    choices: Object.values(OPERATING_STATUSES),
    value: (e) => OPERATING_STATUSES[e.operatingStatus],
  },
  employees: number('int', 'employees', '人'),
  revenue: number('amount', 'revenue', '万元'),
  ownerName: text(4, 'ownerName'),
  ownerIsMember: flag('ownerIsMember'),
  contactName: text(4, 'contactName'),
  contactPhone: {
    kind: 'text',
    width: 6,
    value: (e, unmask) => (unmask ? e.contactPhone : maskPhone(e.contactPhone)),
  },
  fullMembers: number('int', 'fullMembers', '名'),
  probationaryMembers: number('int', 'probationaryMembers', '名'),
  activists: number('int', 'activists', '名'),
  noOrgReason: text(8, 'noOrgReason'),
  hasUnion: flag('hasUnion'),
  hasYouthLeague: flag('hasYouthLeague'),
  hasWomenFederation: flag('hasWomenFederation'),
};

/**
 * 企业情况调查表 for an area or work group: the record id (locked), then every survey field with its current value,
 * drop-downs for coded fields, the sheet protected with only the answers unlocked, and the hidden marker sheet that
 * tells the import it is one of ours and which township it came from. 注销 and 迁出 enterprises are not surveyed.
 */
export function surveyReport(input: ReportInput): ReportModel {
  const { db, unmask } = input;
  const records = ledgerRecords(db, ledgerIds(db, input.scope)).filter(
    (e) => e.operatingStatus !== 'deregistered' && e.operatingStatus !== 'moved-out',
  );
  const columns: ReportColumn[] = [
    {
      key: 'id',
      header: SURVEY_ID_HEADER,
      width: 4,
      kind: 'int',
      note: '填写说明：请核对每家企业的情况，有变化的直接改写；带下拉箭头的格子请从列表中选择。本列是程序用来对应企业的编号，请勿修改或删除。',
    },
    ...SURVEY_FIELDS.map((f): ReportColumn => {
      const c = SURVEY_COLUMNS[f];
      return {
        key: f,
        header: ENTERPRISE_FIELD_LABELS[f],
        width: c.width,
        kind: c.kind,
        choices: c.choices,
        editable: true,
        note: c.unit
          ? `单位：${c.unit}`
          : f === 'contactPhone' && !unmask
            ? '号码中间已隐去；如有变化请填写完整号码'
            : undefined,
      };
    }),
  ];
  return {
    ...reportHead(input, 'survey'),
    sheetName: '企业情况调查表',
    scope: input.scope.text,
    header: columns.map((c) => c.key),
    columns,
    rows: records.map((e) => ({ cells: [e.id, ...SURVEY_FIELDS.map((f) => SURVEY_COLUMNS[f].value(e, unmask))] })),
    // Nothing under the table: the import reads the sheet down to its last row.
    footer: false,
    freezeColumns: 2,
    protect: true,
    hiddenSheets: [{ name: SURVEY_MARK_SHEET, rows: [[SURVEY_MARK], [input.settings.township]] }],
  };
}
