import { useEffect, useState, type RefObject } from 'react';

/**
 * Whether the element is on screen: false while it sits in a hidden tab pane. A screen that stays mounted behind
 * a tab uses it to read its data again each time it is shown.
 */
export function useIsVisible(ref: RefObject<HTMLElement | null>): boolean {
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new IntersectionObserver((entries) => setVisible(entries.some((e) => e.isIntersecting)));
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return visible;
}
