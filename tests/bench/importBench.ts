import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CoreContext } from '../../electron/core/app/context';
import { invoke } from '../../electron/core/invoke';
import { generateSample } from '../../electron/core/sample/generate';
import { figure, type Figure } from './report';
import { writeBenchWorkbook } from './importWorkbook';

interface Run {
  ms: number;
  peakMB: number;
  rows: number;
}

/** A ledger with the sample's township and areas and no enterprises: what an import starts from. */
async function emptyLedger(path: string, dataDir: string, areas: string[]): Promise<void> {
  const ctx = new CoreContext({ dataDir, actor: '基准' });
  const must = async (channel: string, payload: unknown) => {
    const r = await invoke(ctx, channel, payload);
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  };
  const target = ctx.files.grant(path, 'create');
  await must('ledgers:create', {
    settings: { township: '长乐镇', committee: '中共长乐镇委员会', docCode: '长委' },
    target,
  });
  for (const name of areas) await must('areas:save', { name, type: 'village' });
  ctx.close();
}

function runSide(mode: 'product' | 'raw', file: string, ledger: string, data: string): Run {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', 'tests/bench/importRun.ts', '--mode', mode, '--file', file, '--ledger', ledger, '--data', data],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  const run = JSON.parse(out.trim().split('\n').pop()!) as Run;
  return run;
}

/**
 * `import.xlsx`: a clerk's workbook of `size` enterprises imported through the screen's channels into an empty
 * ledger, against streaming the same workbook with ExcelJS plus one prepared INSERT per row into the same schema.
 * `import.peakMB`: the importing process's peak resident memory. Each side runs in its own process.
 */
export async function benchImport(size: number): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'yqyc-bench-import-'));
  try {
    const sample = generateSample({ enterprises: size, seed: 7 });
    const file = join(dir, '企业台账.xlsx');
    await writeBenchWorkbook(file, sample);
    const areas = [...new Set(sample.areas.map((a) => a.name))];
    await emptyLedger(join(dir, 'product.yqyc'), join(dir, 'data-p'), areas);
    await emptyLedger(join(dir, 'raw.yqyc'), join(dir, 'data-r'), areas);
    const raw = runSide('raw', file, join(dir, 'raw.yqyc'), join(dir, 'data-r'));
    const product = runSide('product', file, join(dir, 'product.yqyc'), join(dir, 'data-p'));
    if (product.rows !== raw.rows || product.rows !== size)
      throw new Error(`import.xlsx: product stored ${product.rows}, reference ${raw.rows}, expected ${size}`);
    return [
      figure({
        id: 'import.xlsx',
        size,
        value: product.ms,
        unit: 'ms',
        target: null,
        reference: raw.ms,
        ratioTarget: 1.5,
      }),
      figure({
        id: 'import.peakMB',
        size,
        value: product.peakMB,
        unit: 'MB',
        target: 400,
        reference: raw.peakMB,
        ratioTarget: null,
      }),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
