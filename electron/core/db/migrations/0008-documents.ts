import type { Migration } from './types';

/**
 * 公文 (domain.md §6) and the 发文登记 that numbers them. A document's content is the GongwenContent JSON the
 * contract validates; its title and number are copied out for the list and for search. `doc_numbers` holds every
 * number ever taken and no row is ever deleted, so a number is never reused — withdrawn, undone or not. Never edit
 * once shipped.
 */
export const migration0008: Migration = {
  version: 8,
  name: 'documents',
  up(db) {
    db.exec(`
      CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        source TEXT NOT NULL
          CHECK (source IN ('blank', 'approval', 'instructor-notice', 'campaign-notice', 'table-notice')),
        kind TEXT NOT NULL CHECK (kind IN ('notice', 'reply', 'request', 'report', 'letter')),
        content TEXT NOT NULL CHECK (json_valid(content) AND json_type(content) = 'object'),
        title TEXT NOT NULL DEFAULT '',
        doc_code TEXT,
        year INTEGER CHECK (year IS NULL OR year BETWEEN 2000 AND 2100),
        seq INTEGER CHECK (seq IS NULL OR seq >= 1),
        number TEXT,
        issued_at TEXT,
        withdrawn_at TEXT,
        withdraw_reason TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'issued', 'withdrawn')),
        -- What the document was made from. A document is a record of what was sent: deleting the enterprise, plan or
        -- campaign (which their own screens allow) only drops the link, never the document.
        enterprise_id INTEGER REFERENCES enterprises (id) ON DELETE SET NULL,
        plan_id INTEGER REFERENCES plans (id) ON DELETE SET NULL,
        campaign_id INTEGER REFERENCES campaigns (id) ON DELETE SET NULL,
        actor TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        -- Checked per column write: the change log writes number before status (issue) and status before number
        -- (its undo), so a draft may briefly hold a number but an issued document never lacks one.
        CHECK (status = 'draft' OR (number IS NOT NULL AND issued_at IS NOT NULL)),
        CHECK (status <> 'withdrawn' OR (length(withdraw_reason) > 0 AND withdrawn_at IS NOT NULL))
      ) STRICT;
      CREATE UNIQUE INDEX documents_number ON documents (number) WHERE number IS NOT NULL;
      CREATE INDEX documents_status ON documents (status, updated_at);
      CREATE INDEX documents_enterprise ON documents (enterprise_id);
      CREATE INDEX documents_plan ON documents (plan_id);

      -- Written beside the change log, never through it: undoing an issue must not free its number.
      CREATE TABLE doc_numbers (
        doc_code TEXT NOT NULL CHECK (length(doc_code) > 0),
        year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        seq INTEGER NOT NULL CHECK (seq >= 1),
        document_id INTEGER REFERENCES documents (id) ON DELETE SET NULL,
        taken_at TEXT NOT NULL,
        actor TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (doc_code, year, seq)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX doc_numbers_document ON doc_numbers (document_id);

      -- 印发机关; blank prints the committee's 办公室. NULL (a settings row written by a caller that predates this
      -- setting) reads as blank, so no such caller is refused.
      ALTER TABLE ledger_settings ADD COLUMN doc_printed_by TEXT DEFAULT '' CHECK (length(doc_printed_by) <= 30);
    `);
  },
};
