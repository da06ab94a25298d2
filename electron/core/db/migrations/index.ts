import { migration0001 } from './0001-create-ledger';
import { migration0002 } from './0002-enterprise-ledger';
import { migration0003 } from './0003-party-structure';
import { migration0004 } from './0004-coverage';
import { migration0005 } from './0005-plans';
import { migration0006 } from './0006-campaign-targets';
import { migration0007 } from './0007-excel';
import { migration0008 } from './0008-documents';
import { migration0009 } from './0009-reveal-log';
import type { Migration } from './types';

/** In order; each file's version is its number. A shipped migration is never edited: add the next one. */
export const MIGRATIONS: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
  migration0008,
  migration0009,
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
