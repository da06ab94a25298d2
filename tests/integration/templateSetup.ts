import ExcelJS from 'exceljs';
import type { TemplateFilled, TemplateMapping, TemplateOpened } from '../../shared/ipc/exports';
import { useTempDir } from './helpers';
import { useStatsLedger } from './statsSetup';

/** A ledger and a temporary folder per test, with the few calls the template tests make. */
export function useTemplateLedger() {
  const s = useStatsLedger();
  const tmp = useTempDir('yiqiyice-template-');
  /**
   * A small township: 长安村 (an individual shop and 鑫达, with its own branch), 东湖社区 (two enterprises in one joint
   * branch), 西岭村 (a farm with one probationary member; a brick works 注销), 工业园区 (attached to a village
   * committee; not on the county's list of areas) and a 商会 (a 社会团体, outside the enterprises' scope).
   */
  async function township() {
    const donghu = await s.area('东湖社区', 'community');
    const xiling = await s.area('西岭村');
    const park = await s.area('工业园区', 'industrial-park');
    const xinda = await s.enterprise('嵊州市鑫达机械有限公司', {
      uscc: '91350100M000100Y43',
      employees: 120,
      fullMembers: 5,
      probationaryMembers: 1,
      contactPhone: '13800000000',
    });
    await s.standalone(xinda);
    await s.enterprise('长安小卖部', { kind: 'individual', employees: 3 });
    const tech = await s.enterprise('东湖科技有限公司', {
      areaId: donghu,
      employees: 60,
      revenue: 800,
      fullMembers: 2,
    });
    const trade = await s.enterprise('东湖贸易有限公司', { areaId: donghu, employees: 35, fullMembers: 1 });
    await s.joint([tech, trade]);
    await s.enterprise('西岭农庄', { areaId: xiling, employees: 20, probationaryMembers: 1 });
    await s.enterprise('西岭建材厂', {
      areaId: xiling,
      employees: 50,
      fullMembers: 3,
      operatingStatus: 'deregistered',
      statusSince: '2026-03-01',
    });
    const electronics = await s.enterprise('园区电子有限公司', { areaId: park, employees: 200, fullMembers: 3 });
    await s.attached([electronics]);
    await s.enterprise('长乐镇商会', { kind: 'social-group', employees: 5, fullMembers: 2 });
  }

  async function openTemplate(path: string): Promise<TemplateOpened> {
    const fileRef = await s.core().grant(path, 'import');
    return s.call<TemplateOpened>('templates:open', { fileRef });
  }

  async function fill(opened: TemplateOpened, mapping: TemplateMapping, out: string): Promise<TemplateFilled> {
    const target = await s.core().grant(out, 'export');
    return s.call<TemplateFilled>('templates:fill', { sessionId: opened.sessionId, mapping, target });
  }

  async function logged() {
    return s.readFile((db) => ({
      mappings: db.prepare('SELECT signature, name, mapping FROM template_mappings').all() as {
        name: string;
        mapping: string;
      }[],
      log: db.prepare('SELECT report, file_name AS fileName, rows, unmasked, scope FROM export_log').all(),
    }));
  }

  return { ...s, tmp, township, openTemplate, fill, logged };
}

export async function readExcelJS(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

export function mergesOf(ws: ExcelJS.Worksheet): string[] {
  return [...(ws.model.merges ?? [])].sort();
}

/** The enterprises in the order the template gets them: by area, then by the pinyin of the name. */
export const ENTERPRISES = [
  ['长安小卖部', null, '长安村', 3, '30人以下', 0, 0, '未建立', null, null],
  [
    '嵊州市鑫达机械有限公司',
    '91350100M000100Y43',
    '长安村',
    120,
    '80人以上，或50–79人且营收500万元以上',
    5,
    1,
    '单独建立',
    '第1党支部',
    '138****0000',
  ],
  [
    '东湖科技有限公司',
    null,
    '东湖社区',
    60,
    '80人以上，或50–79人且营收500万元以上',
    2,
    0,
    '联合建立',
    '第2联合党支部',
    null,
  ],
  ['东湖贸易有限公司', null, '东湖社区', 35, '30–49人', 1, 0, '联合建立', '第2联合党支部', null],
  ['西岭农庄', null, '西岭村', 20, '30人以下', 0, 1, '未建立', null, null],
  ['园区电子有限公司', null, '工业园区', 200, '80人以上，或50–79人且营收500万元以上', 3, 0, '挂靠', '第3村党委', null],
] as const;
