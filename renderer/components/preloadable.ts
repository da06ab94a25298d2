import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { fetchOnce } from './fetchOnce';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- React.lazy's own bound: any props
export type AnyComponent = ComponentType<any>;

export interface Preloadable<C extends AnyComponent> {
  /** Fetches the code once (a failed fetch is tried afresh next time); a prefetch and the first render share it. */
  load: () => Promise<C>;
  /** Whether the code has arrived: a first render now will not suspend. */
  ready: () => boolean;
  Component: LazyExoticComponent<C>;
}

/**
 * React.lazy for code that may already be here. Plain React.lazy suspends on a component's first render even when its
 * module arrived long before (a promise answers only on a later tick), and React then holds the boundary's content
 * back for up to 300 ms: a screen prefetched while the app started would still make the clerk wait. Once its fetch has
 * finished, this hands the component over synchronously, so the first render uses it at once.
 */
export function preloadable<C extends AnyComponent>(fetch: () => Promise<C>): Preloadable<C> {
  let loaded: C | null = null;
  const load = fetchOnce(() => fetch().then((component) => (loaded = component)));
  const Component = lazy(() => {
    if (loaded) {
      const module = { default: loaded };
      // A thenable that answers at once: React.lazy finds it resolved on this very render and does not suspend.
      return { then: (resolve: (m: { default: C }) => void) => resolve(module) } as unknown as Promise<{ default: C }>;
    }
    return load().then((component) => ({ default: component }));
  });
  return { load, ready: () => loaded !== null, Component };
}
