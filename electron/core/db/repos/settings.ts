import type { LedgerSettings } from '../../../../shared/domain/ledger';
import { AppError } from '../../errors';
import type { Db } from '../open';
import { rowFromDb } from '../tableSpec';
import { settingsTable, type SettingsRow } from '../tables';

export function getSettingsRow(db: Db): SettingsRow {
  const row = db.prepare('SELECT * FROM ledger_settings WHERE id = 1').get();
  if (!row) throw new AppError('NOT_A_LEDGER', '台账文件缺少本乡镇的基本设置，文件可能已损坏');
  return rowFromDb(settingsTable, row as Record<string, unknown>);
}

export function getSettings(db: Db): LedgerSettings {
  const { township, committee, docCode, docBanner, superiorUnit, docPrintedBy } = getSettingsRow(db);
  return { township, committee, docCode, docBanner, superiorUnit, docPrintedBy: docPrintedBy ?? '' };
}
