import { benchImport } from './importBench';
import { benchExport } from './excel';
import { printTable } from './report';
const n = Number(process.argv[2] ?? 50000);
const figs = [...(await benchImport(n))];
if (process.argv[3] !== 'import') figs.push(...(await benchExport(n)));
printTable(figs);
