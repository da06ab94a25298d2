/**
 * A fetch of code (or anything) made once and shared by every caller; a failed one is tried afresh by the next call,
 * so a network hiccup while the app starts does not leave a screen unable to load for the rest of the day.
 */
export function fetchOnce<T>(fetch: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | null = null;
  return () => {
    pending ??= fetch().catch((e: unknown) => {
      pending = null;
      throw e;
    });
    return pending;
  };
}
