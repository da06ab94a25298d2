import { execFileSync, spawnSync } from 'node:child_process';
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

/** The reference: ExcelJS streaming and one prepared INSERT per row, timed inside its process. */
function runReference(file: string, ledger: string, data: string): Run {
  const out = execFileSync(
    process.execPath,
    [
      '--import',
      'tsx',
      'tests/bench/importRun.ts',
      '--mode',
      'raw',
      '--file',
      file,
      '--ledger',
      ledger,
      '--data',
      data,
    ],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  return JSON.parse(out.trim().split('\n').pop()!) as Run;
}

/**
 * The product as a clerk runs it: the built command line (`yiqiyice import`, the core on its worker thread as in the
 * shells), timed from outside — process start included, which only counts against it.
 */
function runProduct(file: string, ledger: string, data: string): Run {
  const start = performance.now();
  const result = spawnSync(
    process.execPath,
    ['--import', './tests/bench/peakReport.mjs', 'out/node/cli.js', 'import', file, '--ledger', ledger, '--json'],
    { encoding: 'utf8', maxBuffer: 64 << 20, env: { ...process.env, YIQIYICE_DATA_DIR: data } },
  );
  const ms = Math.round(performance.now() - start);
  if (result.status !== 0) throw new Error(`import.xlsx: the import failed: ${result.stderr}`);
  const report = JSON.parse(result.stdout) as { added: number; rejected: unknown[] };
  if (report.rejected.length) throw new Error(`import.xlsx: ${report.rejected.length} rows rejected`);
  const peak = /PEAK_MB (\d+)/.exec(result.stderr);
  return { ms, peakMB: Number(peak?.[1] ?? NaN), rows: report.added };
}

/**
 * `import.xlsx`: a clerk's workbook of `size` enterprises imported by `yiqiyice import` (the same channels as the
 * screen) into an empty ledger, against streaming the same workbook with ExcelJS plus one prepared INSERT per row
 * into the same schema. `import.peakMB`: the importing process's peak resident memory (the reference's beside it,
 * though it runs under tsx, which alone takes about 180 MB). Each side runs in its own process.
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
    // The command line from the current sources: the figure is of this code, not of an earlier build.
    execFileSync(process.execPath, ['scripts/build-node.mjs'], { stdio: 'ignore' });
    const raw = runReference(file, join(dir, 'raw.yqyc'), join(dir, 'data-r'));
    const product = runProduct(file, join(dir, 'product.yqyc'), join(dir, 'data-p'));
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
