import type { documentChannels } from '../../../shared/ipc/documents';
import { AppError } from '../errors';
import type { HandlersFor } from './types';

type DocumentChannel = keyof typeof documentChannels;

/** STUB — owned by the documents helper. */
const notYet = (): never => {
  throw new AppError('INTERNAL', '公文功能尚未完成');
};

export const documentHandlers: HandlersFor<DocumentChannel> = {
  'documents:list': notYet,
  'documents:get': notYet,
  'documents:draft': notYet,
  'documents:save': notYet,
  'documents:delete': notYet,
  'documents:issue': notYet,
  'documents:withdraw': notYet,
  'documents:nextNumber': notYet,
  'documents:register': notYet,
  'documents:exportRegister': notYet,
  'documents:forEnterprise': notYet,
};
