import type { EnterpriseListRow } from '../../../../shared/domain/enterprise';
import type { EnterprisePage } from '../../../../shared/ipc/enterprises';

export const BLOCK_SIZE = 200;
/** 20,000 rows: a long scroll keeps what is near, and memory stays flat however far the clerk scrolls. */
const MAX_BLOCKS = 100;
/** Rows either side of the view fetched ahead, so ordinary scrolling rarely meets a placeholder. */
const PREFETCH_ROWS = 60;
/** Dragging the scrollbar across 100,000 rows must not queue hundreds of requests for rows already scrolled past. */
const MAX_IN_FLIGHT = 3;

export type FetchPage = (offset: number, limit: number) => Promise<EnterprisePage>;

interface Block {
  rows: EnterpriseListRow[];
  /** False for rows carried over from before a refresh: shown until their block is fetched again. */
  fresh: boolean;
}

/**
 * The rows of one query and sort, fetched in blocks as the grid needs them. A new cache is made whenever the query,
 * sort or data change, so a late answer for an old query lands in a cache nobody reads any more.
 */
export class RowCache {
  total: number | null = null;
  private readonly blocks = new Map<number, Block>();
  private readonly inFlight = new Map<number, Promise<EnterpriseListRow[] | null>>();
  private readonly listeners = new Set<() => void>();
  /** Block indexes the grid currently shows, with overscan and the rows fetched ahead. */
  private wanted = { first: 0, last: 0 };
  private failedFetch = false;
  private changes = 0;

  constructor(
    readonly key: string,
    readonly generation: number,
    private readonly fetchPage: FetchPage,
    private readonly onError: (e: unknown) => void,
    previous?: RowCache,
  ) {
    // A refresh of the same list repaints in place instead of blanking the grid while the blocks are fetched again.
    if (previous && previous.key === key) {
      for (const [index, block] of previous.blocks) this.blocks.set(index, { rows: block.rows, fresh: false });
      this.total = previous.total;
      this.wanted = previous.wanted;
    }
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Moves on whenever anything changes, rows included: what the grid re-renders on. */
  readonly getSnapshot = (): number => this.changes;

  /**
   * What the list around the grid shows (the total, a failed fetch): it re-renders only when this changes, not for
   * every block of rows fetched while the clerk scrolls, nor for the fetching itself.
   */
  readonly getStatus = (): string => `${this.total ?? ''}|${this.failedFetch}`;

  /** Whether rows are being fetched: only the list's loading mark follows it (ListFrame). */
  readonly getLoading = (): boolean => this.loading;

  row(index: number): EnterpriseListRow | undefined {
    return this.blocks.get(Math.floor(index / BLOCK_SIZE))?.rows[index % BLOCK_SIZE];
  }

  /** Until the total and every shown block are fresh; a failed fetch ends it (the error has been shown). */
  get loading(): boolean {
    if (this.failedFetch) return false;
    return this.total === null || this.missing().length > 0 || this.inFlight.size > 0;
  }

  /** A fetch failed and nothing has been asked since: the grid offers to try again. */
  get failed(): boolean {
    return this.failedFetch;
  }

  retry(): void {
    this.failedFetch = false;
    this.pump();
    this.notify();
  }

  /** The grid shows rows first..last: fetch what is missing there and just beyond. */
  show(first: number, last: number): void {
    const before = this.signature();
    this.wanted = {
      first: Math.floor(Math.max(0, first - PREFETCH_ROWS) / BLOCK_SIZE),
      last: Math.floor((Math.max(first, last) + PREFETCH_ROWS) / BLOCK_SIZE),
    };
    this.failedFetch = false;
    this.pump();
    // Called on every scroll step: the rows themselves do not change here, so only a change of status is news.
    if (this.signature() !== before) this.notify();
  }

  private signature(): string {
    return `${this.getStatus()}|${this.loading}`;
  }

  /** Rows first..last in order, fetching the blocks not yet loaded: for shift-click ranges. */
  async rowsBetween(first: number, last: number): Promise<EnterpriseListRow[]> {
    const rows: EnterpriseListRow[] = [];
    for (let b = Math.floor(first / BLOCK_SIZE); b <= Math.floor(last / BLOCK_SIZE); b++) {
      const cached = this.blocks.get(b);
      const block = (cached?.fresh ? cached.rows : await this.load(b)) ?? [];
      const from = Math.max(first - b * BLOCK_SIZE, 0);
      const to = Math.min(last - b * BLOCK_SIZE, block.length - 1);
      for (let i = from; i <= to; i++) rows.push(block[i]!);
    }
    return rows;
  }

  /** Shown blocks that are neither fresh nor being fetched. */
  private missing(): number[] {
    // At least the first shown block, whatever the total was: a refresh of a list that was empty must still ask,
    // or rows added since would never appear.
    const lastBlock =
      this.total === null ? this.wanted.first : Math.max(this.wanted.first, Math.ceil(this.total / BLOCK_SIZE) - 1);
    const out: number[] = [];
    for (let b = this.wanted.first; b <= Math.min(this.wanted.last, lastBlock); b++) {
      if (!this.blocks.get(b)?.fresh && !this.inFlight.has(b)) out.push(b);
    }
    return out;
  }

  private pump(): void {
    for (const block of this.missing()) {
      if (this.inFlight.size >= MAX_IN_FLIGHT) return;
      void this.load(block);
    }
  }

  /** One request per block at a time, whoever asks; null when it failed. */
  private load(block: number): Promise<EnterpriseListRow[] | null> {
    const pending = this.inFlight.get(block);
    if (pending) return pending;
    const request = this.fetchPage(block * BLOCK_SIZE, BLOCK_SIZE)
      .then(
        (page) => {
          this.total = page.total;
          this.blocks.set(block, { rows: page.rows, fresh: true });
          this.evict();
          return page.rows;
        },
        (e: unknown) => {
          // Several blocks failing together are one problem: say it once.
          if (!this.failedFetch) this.onError(e);
          this.failedFetch = true;
          return null;
        },
      )
      .finally(() => {
        this.inFlight.delete(block);
        if (!this.failedFetch) this.pump();
        this.notify();
      });
    this.inFlight.set(block, request);
    return request;
  }

  private evict(): void {
    if (this.blocks.size <= MAX_BLOCKS) return;
    const centre = (this.wanted.first + this.wanted.last) / 2;
    const farthest = [...this.blocks.keys()].sort((a, b) => Math.abs(b - centre) - Math.abs(a - centre));
    for (const block of farthest.slice(0, this.blocks.size - MAX_BLOCKS)) this.blocks.delete(block);
  }

  private notify(): void {
    this.changes++;
    for (const listener of this.listeners) listener();
  }
}
