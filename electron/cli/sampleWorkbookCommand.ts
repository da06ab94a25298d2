import { extname, resolve } from 'node:path';
import type { CoreClient } from '../core/host/coreClient';
import { writeMessySample } from '../core/excel/write/messySample';
import { CliError, positiveInt, printJson } from './io';

type Values = Record<string, string | boolean | undefined>;

/**
 * `yiqiyice sample-workbook --out FILE.xlsx`: a township's spreadsheet as a clerk keeps one, with the problems real
 * ones have (see messySample.ts), to try the import on and to show in the user guide. Needs no ledger.
 */
export const sampleWorkbookCommand = {
  help: '用法：yiqiyice sample-workbook --out 文件.xlsx [--enterprises 企业数] [--seed 随机种子] [--json]',
  options: {
    out: { type: 'string' },
    enterprises: { type: 'string' },
    seed: { type: 'string' },
    json: { type: 'boolean' },
  } as const,
  async run(_core: CoreClient, v: Values): Promise<void> {
    if (typeof v.out !== 'string' || v.out.trim() === '') throw new CliError('缺少 --out 参数（.xlsx 文件路径）', 2);
    if (extname(v.out).toLowerCase() !== '.xlsx') throw new CliError(`--out 应为 .xlsx 文件，实际为“${v.out}”`, 2);
    const path = resolve(v.out);
    const enterprises = positiveInt(v.enterprises, '--enterprises');
    if (enterprises !== undefined && (enterprises < 12 || enterprises > 20_000)) {
      throw new CliError(`--enterprises 应在 12 到 20000 之间，实际为 ${enterprises}`, 2);
    }
    let made;
    try {
      made = await writeMessySample(path, { enterprises, seed: positiveInt(v.seed, '--seed') });
    } catch (e) {
      const reason = e instanceof Error && 'code' in e ? String((e as NodeJS.ErrnoException).code) : '';
      throw new CliError(`无法写入“${path}”${reason ? `（${reason}）` : ''}，请检查文件夹是否存在、文件是否被占用`);
    }
    if (v.json) printJson({ file: path, rows: made.rows, planted: made.planted });
    else process.stdout.write(`已生成示例表格：${path}（${made.rows} 家企业，含常见的格式问题，可用于试导入）\n`);
  },
};
