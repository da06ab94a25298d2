import { parseArgs } from 'node:util';
import { defaultDataDir } from '../core/app/dataDir';
import { workerCore } from '../core/host/coreClient';
import { COMMANDS, usage } from './commands';
import { CliError } from './io';

/**
 * `yiqiyice <command> [options]`: the same handlers as the screens, for automation and batch work.
 * Results go to stdout (JSON with --json), Chinese errors to stderr, and failure exits non-zero.
 */
async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(usage());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) throw new CliError(`未知命令“${name}”。\n${usage()}`, 2);
  let values: Record<string, string | boolean | undefined>;
  try {
    const parsed = parseArgs({
      args: rest,
      options: command.options,
      strict: true,
      allowPositionals: command.positional !== undefined || command.positionalList !== undefined,
    });
    values = parsed.values as typeof values;
    if (command.positionalList !== undefined) {
      const list = command.positionalList;
      const given = [parsed.values[list] ?? []].flat().map(String);
      (values as Record<string, unknown>)[list] = [...given, ...parsed.positionals];
    }
    // A command's one positional argument (`export ledger`, `import FILE`) is handed over under its own name.
    if (command.positional !== undefined) {
      if (parsed.positionals.length > 1) throw new Error(`多余的参数“${parsed.positionals.slice(1).join(' ')}”`);
      values[command.positional] = parsed.positionals[0];
    }
  } catch (e) {
    throw new CliError(`参数错误：${e instanceof Error ? e.message : String(e)}\n${command.help}`, 2);
  }
  // On its own thread as in the desktop and browser shells: the same heap ceiling, so an import of 50,000 rows takes
  // the same memory here as on the screen.
  const core = workerCore({ dataDir: defaultDataDir() });
  try {
    await command.run(core, values);
    return 0;
  } finally {
    await core.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof CliError) {
      process.stderr.write(`错误：${e.message}\n`);
      process.exitCode = e.exitCode;
    } else {
      process.stderr.write(`程序内部错误：${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 70;
    }
  },
);
