import type { Migration } from './types';

/**
 * A 专项行动's own targets (domain.md §2 Campaign: "targets (§4)"): per indicator key, the rate the campaign
 * aims at, used when the dashboard is scoped to it. JSON text, as the indicators' conditions are. Never edit once
 * shipped.
 */
export const migration0006: Migration = {
  version: 6,
  name: 'campaign-targets',
  up(db) {
    db.exec(`
      ALTER TABLE campaigns ADD COLUMN targets TEXT NOT NULL DEFAULT '{}'
        CHECK (json_valid(targets) AND json_type(targets) = 'object');
    `);
  },
};
