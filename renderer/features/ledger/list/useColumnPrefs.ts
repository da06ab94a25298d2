import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  COLUMN_BY_KEY,
  COLUMNS,
  DEFAULT_VISIBLE,
  MAX_COLUMN_WIDTH,
  MIN_COLUMN_WIDTH,
  type GridColumn,
} from './columns';

const STORAGE_KEY = 'yqyc.enterpriseColumns.v1';

interface ColumnPrefs {
  visible: string[];
  /** Only the columns the clerk has resized. */
  widths: Record<string, number>;
}

/** The name identifies each row (and its checkbox's label), so it cannot be hidden. */
export const ALWAYS_SHOWN = 'name';

/** Known keys once each, the name always among them. */
function cleanVisible(keys: readonly unknown[]): string[] {
  const known = keys.filter((k): k is string => typeof k === 'string' && COLUMN_BY_KEY.has(k));
  return [...new Set([ALWAYS_SHOWN, ...known])];
}

const DEFAULT_PREFS: ColumnPrefs = { visible: [...DEFAULT_VISIBLE], widths: {} };

export function clampWidth(width: number): number {
  return Math.round(Math.min(MAX_COLUMN_WIDTH, Math.max(MIN_COLUMN_WIDTH, width)));
}

/** Whatever is in storage (an older version's layout, hand edits, a half-written value) yields usable prefs. */
function load(): ColumnPrefs {
  let stored: unknown;
  try {
    stored = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null');
  } catch {
    return DEFAULT_PREFS;
  }
  if (typeof stored !== 'object' || stored === null) return DEFAULT_PREFS;
  const { visible, widths } = stored as Partial<Record<keyof ColumnPrefs, unknown>>;
  const sizes: Record<string, number> = {};
  if (typeof widths === 'object' && widths !== null) {
    for (const [k, w] of Object.entries(widths)) {
      if (COLUMN_BY_KEY.has(k) && typeof w === 'number' && Number.isFinite(w)) sizes[k] = clampWidth(w);
    }
  }
  const anyKnown = Array.isArray(visible) && visible.some((k) => typeof k === 'string' && COLUMN_BY_KEY.has(k));
  return { visible: anyKnown ? cleanVisible(visible) : [...DEFAULT_VISIBLE], widths: sizes };
}

function save(prefs: ColumnPrefs): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(prefs));
  } catch {
    // Storage full or disabled: the layout simply is not remembered.
  }
}

export interface ColumnLayout {
  /** The shown columns in display order, each with its current width. */
  columns: (GridColumn & { width: number })[];
  visibleKeys: readonly string[];
  setVisible(keys: string[]): void;
  setWidth(key: string, width: number): void;
  reset(): void;
}

/** Which columns the clerk shows and how wide, remembered on this computer. */
export function useColumnPrefs(): ColumnLayout {
  const [prefs, setPrefs] = useState(load);

  useEffect(() => save(prefs), [prefs]);

  const columns = useMemo(
    () =>
      COLUMNS.filter((c) => prefs.visible.includes(c.key)).map((c) => ({
        ...c,
        width: prefs.widths[c.key] ?? c.width,
      })),
    [prefs],
  );
  const setVisible = useCallback((keys: string[]) => setPrefs((p) => ({ ...p, visible: cleanVisible(keys) })), []);
  const setWidth = useCallback(
    (key: string, width: number) => setPrefs((p) => ({ ...p, widths: { ...p.widths, [key]: clampWidth(width) } })),
    [],
  );
  const reset = useCallback(() => setPrefs(DEFAULT_PREFS), []);

  return { columns, visibleKeys: prefs.visible, setVisible, setWidth, reset };
}
