/** Spreadsheets into the ledger (domain.md §9): the steps the import screen and the command line take. */
export { closeImport, openImport, requireSession } from './sessions';
export { importLayout } from './layout';
export { commitImport, previewImport } from './run';
