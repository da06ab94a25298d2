import type { Db } from '../open';
import { rowFromDb } from '../tableSpec';
import { areasTable, type AreaRow } from '../tables';

export function listAreas(db: Db): AreaRow[] {
  return db
    .prepare('SELECT * FROM areas ORDER BY sort_order, id')
    .all()
    .map((r) => rowFromDb(areasTable, r as Record<string, unknown>));
}

export function countAreas(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM areas').get() as { n: number }).n;
}
