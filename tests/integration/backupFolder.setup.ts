import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

/**
 * Every import (and every migration, and the first open of a day) now writes a backup to the backup folder, whose
 * default is in the clerk's home. Tests must never write there: each test file gets its own temporary folder
 * (inherited by the worker cores and CLI processes it starts), removed when the file is done. Tests about backups
 * set their own folder on top of this.
 */
const folder = mkdtempSync(join(tmpdir(), 'yiqiyice-backups-'));
process.env.YIQIYICE_BACKUP_DIR = folder;
afterAll(() => rmSync(folder, { recursive: true, force: true }));
