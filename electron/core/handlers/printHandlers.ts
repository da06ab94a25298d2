import type { printChannels } from '../../../shared/ipc/print';
import { chooseBrowser, printBrowsers, printDocx, printFonts, printPdf } from '../services/print';
import type { HandlersFor } from './types';

type PrintChannel = keyof typeof printChannels;

export const printHandlers: HandlersFor<PrintChannel> = {
  'print:pdf': (ctx, req) => printPdf(ctx, req),
  'print:docx': (ctx, req) => printDocx(ctx, req),
  'print:fonts': (ctx) => printFonts(ctx),
  'print:browsers': (ctx) => printBrowsers(ctx),
  'print:chooseBrowser': (ctx, req) => chooseBrowser(ctx, req.path),
};
