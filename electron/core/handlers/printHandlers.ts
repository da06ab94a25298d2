import type { printChannels } from '../../../shared/ipc/print';
import { AppError } from '../errors';
import type { HandlersFor } from './types';

type PrintChannel = keyof typeof printChannels;

/** STUB — owned by the print-engine helper. */
const notYet = (): never => {
  throw new AppError('INTERNAL', '打印功能尚未完成');
};

export const printHandlers: HandlersFor<PrintChannel> = {
  'print:pdf': notYet,
  'print:docx': notYet,
  'print:fonts': notYet,
  'print:browsers': notYet,
  'print:chooseBrowser': notYet,
};
