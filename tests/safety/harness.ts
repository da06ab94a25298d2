import { spawn } from 'node:child_process';
import { mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { KIND_LABELS, KINDS, migrationFile, type Ack, type Kind, type Setup } from './kinds';
import { copyForTrial, prepareTemplate } from './prepare';
import { verifyTrial } from './verify';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CHILD = fileURLToPath(new URL('./child.ts', import.meta.url));

/** How long after the child is ready the kill may come, per kind: about a dozen of its operations. */
const KILL_WINDOW_MS: Record<Kind, number> = { import: 3000, bulk: 2500, plan: 1200, backup: 3000, migration: 2500 };
/** A child that is not ready by then is reported as a failure rather than hanging the run. */
const READY_TIMEOUT_MS = 30_000;

export interface Trial {
  kind: Kind;
  /** When the SIGKILL came, in ms after the child said it was ready. */
  killedAtMs: number;
  acknowledged: number;
  /**
   * The kill left a non-empty -wal file: reopening had to recover from the write-ahead log (frames not yet copied
   * into the ledger file, and a torn last transaction, if any, discarded) rather than find a quiet file.
   */
  walLeft: boolean;
  survived: boolean;
  problems: string[];
}

/** A small deterministic generator, so a failing run can be repeated with the same --seed. */
export function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

/**
 * One trial: a child doing `setup.kind` work on its own copy of the ledger is SIGKILLed `delayMs` after it is
 * ready, then the ledger is checked against what the child acknowledged.
 */
export async function runTrial(template: Setup, dir: string, delayMs: number): Promise<Trial> {
  const { setup, setupFile } = copyForTrial(template, dir);
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, setupFile], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    // The backup folder is an app setting; a trial's backups (before migrating, daily) stay in the trial's folder.
    env: { ...process.env, YIQIYICE_BACKUP_DIR: join(dir, 'backups') },
  });
  const acks: Ack[] = [];
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  // 'close' comes after stdout has been read to its end, so every line the child wrote before the kill is counted.
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  let killedAtMs = -1;
  const ready = new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), READY_TIMEOUT_MS);
    createInterface({ input: child.stdout }).on('line', (line) => {
      let msg: { ready?: true; ack?: Ack };
      try {
        msg = JSON.parse(line) as typeof msg;
      } catch {
        return; // Not one of the child's own lines (a library's notice): only its JSON lines count.
      }
      if (msg.ack) acks.push(msg.ack);
      if (msg.ready) {
        clearTimeout(timer);
        resolve(true);
      }
    });
    void exited.then(() => resolve(false));
  });

  const problems: string[] = [];
  if (await ready) {
    const started = performance.now();
    const early = await Promise.race([exited.then(() => true), sleep(delayMs).then(() => false)]);
    if (early) problems.push(`子进程在断电前自行退出：${stderr.trim().slice(0, 500)}`);
    killedAtMs = Math.round(performance.now() - started);
  } else {
    problems.push(`子进程未能就绪：${stderr.trim().slice(0, 500)}`);
  }
  child.kill('SIGKILL');
  await exited;
  const walLeft = walFramesLeft(setup, acks);
  if (!problems.length) problems.push(...(await verifyTrial(setup, acks, dir)));
  return { kind: setup.kind, killedAtMs, acknowledged: acks.length, walLeft, survived: !problems.length, problems };
}

/** Whether the ledger being written at the kill has a non-empty -wal file beside it. */
function walFramesLeft(setup: Setup, acks: Ack[]): boolean {
  const ledger =
    setup.kind === 'migration' ? join(dirname(setup.ledger), migrationFile(acks.length + 1)) : setup.ledger;
  try {
    return statSync(`${ledger}-wal`).size > 0;
  } catch {
    return false;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export interface SafetyOptions {
  /** Trials in all, spread evenly over the kinds. */
  trials: number;
  kinds?: readonly Kind[];
  seed?: number;
  workDir: string;
  onTrial?: (t: Trial, index: number) => void;
}

/** Runs the trials kind after kind, each kind's template made once. */
export async function runSafety(options: SafetyOptions): Promise<Trial[]> {
  const kinds = options.kinds ?? KINDS;
  const random = rng(options.seed ?? Date.now());
  const trials: Trial[] = [];
  for (const [k, kind] of kinds.entries()) {
    const count = Math.floor(options.trials / kinds.length) + (k < options.trials % kinds.length ? 1 : 0);
    if (!count) continue;
    const template = await prepareTemplate(kind, join(options.workDir, kind, 'template'));
    for (let i = 0; i < count; i++) {
      const dir = join(options.workDir, kind, `trial-${i + 1}`);
      mkdirSync(dir, { recursive: true });
      const trial = await runTrial(template, dir, Math.round(random() * KILL_WINDOW_MS[kind]));
      trials.push(trial);
      options.onTrial?.(trial, trials.length);
    }
  }
  return trials;
}

export interface KindFigures {
  label: string;
  trials: number;
  survived: number;
  acknowledged: number;
  walLeft: number;
}

/** The figures of `npm run safety --json`: killTrials/killSurvived, then per kind; the security issue adds its own. */
export function summarize(trials: Trial[], kinds: readonly Kind[] = KINDS) {
  const byKind: Partial<Record<Kind, KindFigures>> = {};
  for (const kind of kinds) {
    const mine = trials.filter((t) => t.kind === kind);
    byKind[kind] = {
      label: KIND_LABELS[kind],
      trials: mine.length,
      survived: mine.filter((t) => t.survived).length,
      acknowledged: mine.reduce((n, t) => n + t.acknowledged, 0),
      walLeft: mine.filter((t) => t.walLeft).length,
    };
  }
  return {
    killTrials: trials.length,
    killSurvived: trials.filter((t) => t.survived).length,
    acknowledgedChanges: trials.reduce((n, t) => n + t.acknowledged, 0),
    kinds: byKind,
    failures: trials
      .filter((t) => !t.survived)
      .map((t) => ({ kind: t.kind, killedAtMs: t.killedAtMs, problems: t.problems })),
  };
}
