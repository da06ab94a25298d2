import { z } from '../zod';
import type { LedgerSettings, LedgerSummary } from '../domain/ledger';
import { requiredText } from '../domain/fieldSchemas';
import { channel } from './channel';

/** A host-granted file (a native dialog's choice, an upload, a command-line path): the renderer never names paths. */
export const fileRef = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, '文件引用无效');

/** Missing is "please fill in"; a value of the wrong kind keeps zod's own message, which the core prefixes with the label. */
const text = (label: string, max: number) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `请填写${label}` : undefined) })
    .pipe(requiredText(label, max));

export const ledgerSettingsInput = z.object({
  township: text('乡镇名称', 30),
  committee: text('党委全称', 60),
  docCode: text('发文机关代字', 10).refine(
    (s) => !/[〔〕[\]【】\d]/.test(s),
    '发文机关代字不应包含括号或数字，例如“长委”',
  ),
  docBanner: z.string().trim().max(60, '发文机关标志不能超过60个字').optional(),
  superiorUnit: z.string().trim().max(60, '上级单位不能超过60个字').optional(),
  /** 印发机关; blank prints the committee's 办公室. */
  docPrintedBy: z.string().trim().max(30, '印发机关不能超过30个字').optional(),
});
export type LedgerSettingsInput = z.infer<typeof ledgerSettingsInput>;

const LABELS: Readonly<Record<string, string>> = {
  settings: '台账设置',
  township: '乡镇名称',
  committee: '党委全称',
  docCode: '发文机关代字',
  docBanner: '发文机关标志',
  superiorUnit: '上级单位',
  docPrintedBy: '印发机关',
  enterprises: '企业数',
  seed: '随机种子',
  target: '目标文件',
  fileRef: '所选文件',
  id: '台账编号',
  readOnly: '只读',
  password: '密码',
};

/**
 * The password (or the printed recovery key) of an encrypted ledger; left out for a plain one. A missing or wrong
 * one is refused with code PASSWORD, and the screens ask for it.
 */
export const openPassword = z.string('密码应为文字').min(1, '请输入密码').max(256, '密码过长').optional();

export interface RecentLedger {
  /** Opaque: the renderer opens a recent ledger by id, never by path. */
  id: string;
  title: string;
  fileName: string;
  folder: string;
  lastOpenedAt: string;
  exists: boolean;
}

export interface OpenLedger {
  id: string;
  fileName: string;
  settings: LedgerSettings;
  summary: LedgerSummary;
  readOnly: boolean;
  /** Why it is read-only, or anything else the clerk must know on opening. */
  notice: string | null;
  /**
   * Set when an integrity check found the file damaged: it is then open read-only, and `newestBackup` (a name from
   * `backups:list`, or null when there is none) is offered for 恢复最新备份.
   */
  damaged: { message: string; newestBackup: string | null } | null;
  /** Opened with a password (or recovery key): the screens offer 修改密码 / 取消密码 instead of 设置密码. */
  encrypted: boolean;
}

export interface LedgerCheck {
  /** 'ok', or SQLite's first complaint. */
  integrity: string;
  schemaVersion: number;
  encrypted: boolean;
  /** How many backups of this ledger are in the backup folder. */
  backups: number;
}

export const SAMPLE_MAX_ENTERPRISES = 200_000;

const empty = z.object({}).strict();

export const ledgerChannels = {
  'ledgers:listRecent': channel<RecentLedger[]>()(empty, LABELS),
  'ledgers:create': channel<OpenLedger>()(
    z.object({ settings: ledgerSettingsInput, target: fileRef.optional() }).strict(),
    LABELS,
  ),
  'ledgers:createSample': channel<OpenLedger>()(
    z
      .object({
        enterprises: z.number().int().min(1).max(SAMPLE_MAX_ENTERPRISES).optional(),
        seed: z
          .number()
          .int()
          .min(0)
          .max(2 ** 31 - 1)
          .optional(),
        target: fileRef.optional(),
      })
      .strict(),
    LABELS,
  ),
  'ledgers:open': channel<OpenLedger>()(
    z.object({ id: z.string().regex(/^[a-f0-9]{16}$/, '台账编号无效'), password: openPassword }).strict(),
    LABELS,
  ),
  'ledgers:openFile': channel<OpenLedger>()(
    z.object({ fileRef, readOnly: z.boolean().optional(), password: openPassword }).strict(),
    LABELS,
  ),
  /**
   * 复制到本机: a ledger refused for being on a network share or in a cloud-sync folder (error UNSAFE_LOCATION) is
   * copied into the local ledgers folder and opened there. `fileRef` is the reference the refused open was given
   * (it stays valid after that refusal); `id` a recent ledger's id. Exactly one of them.
   */
  'ledgers:copyToLocal': channel<OpenLedger>()(
    z
      .object({
        fileRef: fileRef.optional(),
        id: z
          .string()
          .regex(/^[a-f0-9]{16}$/, '台账编号无效')
          .optional(),
        password: openPassword,
      })
      .strict()
      .refine((r) => (r.fileRef === undefined) !== (r.id === undefined), '请选择要复制到本机的台账'),
    LABELS,
  ),
  /** `check`: the full integrity_check of a ledger file, read-only, without opening it as the current ledger. */
  'ledgers:check': channel<LedgerCheck>()(z.object({ fileRef, password: openPassword }).strict(), LABELS),
  'ledgers:current': channel<OpenLedger | null>()(empty, LABELS),
  'ledgers:close': channel<null>()(empty, LABELS),
  'ledgers:summary': channel<LedgerSummary>()(empty, LABELS),
};
