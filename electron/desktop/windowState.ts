import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserWindow, Rectangle } from 'electron';
import { writeFileAtomic } from '../core/app/atomicFile';

/**
 * Where the main window was and whether it was maximized, kept per PC in its own file: app-settings.json is written
 * by the core worker at the same moment, and two writers of one file would lose each other's changes.
 */

export const WINDOW_STATE_FILE = 'window-state.json';
/** Moving or resizing fires dozens of events a second; the file is written once things have settled. */
const SAVE_DELAY_MS = 1000;
/** A window counts as reachable when this much of it lies on one display's work area, title bar included. */
const MIN_VISIBLE_WIDTH = 200;
const MIN_VISIBLE_HEIGHT = 120;

export interface WindowState {
  bounds: Rectangle;
  maximized: boolean;
}

export interface Placement {
  /** x and y only when restored; without them Electron centres the window. */
  bounds: { x?: number; y?: number; width: number; height: number };
  maximized: boolean;
}

export interface Limits {
  minWidth: number;
  minHeight: number;
  defaultWidth: number;
  defaultHeight: number;
}

export function windowStateFile(dataDir: string): string {
  return join(dataDir, WINDOW_STATE_FILE);
}

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && Math.abs(v) < 1e6;

/** The saved state, or null when there is none or it is damaged (a half-written or hand-edited file). */
export function readWindowState(dataDir: string): WindowState | null {
  try {
    const raw = JSON.parse(readFileSync(windowStateFile(dataDir), 'utf8')) as unknown;
    if (typeof raw !== 'object' || raw === null) return null;
    const { bounds, maximized } = raw as { bounds?: Partial<Rectangle>; maximized?: unknown };
    if (!bounds || ![bounds.x, bounds.y, bounds.width, bounds.height].every(isInt)) return null;
    return {
      bounds: { x: bounds.x as number, y: bounds.y as number, width: bounds.width!, height: bounds.height! },
      maximized: maximized === true,
    };
  } catch {
    return null;
  }
}

export function saveWindowState(dataDir: string, state: WindowState): void {
  try {
    writeFileAtomic(windowStateFile(dataDir), `${JSON.stringify(state, null, 2)}\n`);
  } catch (e) {
    // Losing the window position is a nuisance, never a reason to stop closing the program.
    console.error('[desktop] 无法保存窗口位置', e);
  }
}

function visiblePart(a: Rectangle, b: Rectangle): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/**
 * The saved bounds when they still make sense on the displays attached now (a second monitor unplugged, a
 * resolution lowered), else the default size centred. The top edge must lie on a display so the title bar can be
 * grabbed.
 */
export function placeWindow(saved: WindowState | null, workAreas: readonly Rectangle[], limits: Limits): Placement {
  const fallback: Placement = {
    bounds: { width: limits.defaultWidth, height: limits.defaultHeight },
    maximized: saved?.maximized ?? false,
  };
  if (!saved) return fallback;
  const b = saved.bounds;
  if (b.width < limits.minWidth || b.height < limits.minHeight) return fallback;
  const area = workAreas.find((a) => {
    const seen = visiblePart(b, a);
    return (
      seen.width >= MIN_VISIBLE_WIDTH &&
      seen.height >= MIN_VISIBLE_HEIGHT &&
      b.y >= a.y &&
      b.y < a.y + a.height - MIN_VISIBLE_HEIGHT
    );
  });
  if (!area) return fallback;
  // Saved on a larger screen: shrink to the one it is on now, never below the size the screens are laid out for.
  const width = Math.max(limits.minWidth, Math.min(b.width, area.width));
  const height = Math.max(limits.minHeight, Math.min(b.height, area.height));
  return { bounds: { x: b.x, y: b.y, width, height }, maximized: saved.maximized };
}

/** Saves the window's normal (unmaximized) bounds on close and, debounced, after it was moved or resized. */
export function trackWindowState(win: BrowserWindow, dataDir: string): void {
  let timer: NodeJS.Timeout | null = null;
  const current = (): WindowState => ({ bounds: win.getNormalBounds(), maximized: win.isMaximized() });
  const later = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      if (!win.isDestroyed()) saveWindowState(dataDir, current());
    }, SAVE_DELAY_MS);
    timer.unref();
  };
  win.on('move', later);
  win.on('resize', later);
  win.on('maximize', later);
  win.on('unmaximize', later);
  win.on('close', () => {
    if (timer) clearTimeout(timer);
    timer = null;
    saveWindowState(dataDir, current());
  });
}
