import type { Migration } from './types';

/**
 * Excel in and out (issue 7): the column mappings a clerk made once and wants reused next time (an import
 * layout, a county template), and the record of every export (what, when, how many rows, personal data shown or
 * not). Never edit once shipped.
 */
export const migration0007: Migration = {
  version: 7,
  name: 'excel',
  up(db) {
    db.exec(`
      CREATE TABLE import_mappings (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        -- The layout: the normalised header texts, so the same spreadsheet next year finds its mapping.
        signature TEXT NOT NULL,
        mapping TEXT NOT NULL CHECK (json_valid(mapping)),
        updated_at TEXT NOT NULL,
        UNIQUE (kind, signature)
      ) STRICT;

      CREATE TABLE template_mappings (
        id INTEGER PRIMARY KEY,
        signature TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        mapping TEXT NOT NULL CHECK (json_valid(mapping)),
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE export_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        report TEXT NOT NULL,
        file_name TEXT NOT NULL,
        rows INTEGER NOT NULL CHECK (rows >= 0),
        unmasked INTEGER NOT NULL CHECK (unmasked IN (0, 1)),
        scope TEXT NOT NULL DEFAULT ''
      ) STRICT;
    `);
  },
};
