import { useEffect, useState, type RefObject } from 'react';

/**
 * The height that lets the element reach the bottom of the window (less `gap`), never below `min`. Re-measured
 * whenever the page's layout changes above it (a notice appears, a toolbar wraps) or the window is resized.
 */
export function useFillHeight(ref: RefObject<HTMLElement | null>, gap: number, min: number): number | undefined {
  const [height, setHeight] = useState<number>();
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      // Hidden (an inactive tab): keep the last height rather than collapsing.
      if (el.offsetParent === null) return;
      const top = el.getBoundingClientRect().top + window.scrollY;
      setHeight(Math.max(min, Math.floor(window.innerHeight - top - gap)));
    };
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    window.addEventListener('resize', measure);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', measure);
    };
  }, [ref, gap, min]);
  return height;
}
