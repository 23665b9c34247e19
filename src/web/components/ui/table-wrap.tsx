import { useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * The box a wide table scrolls in. While the table is wider than the box it becomes a labelled
 * region in the Tab order, so keyboard readers can scroll it with the arrow keys (WCAG 2.1.1;
 * axe `scrollable-region-focusable`); when everything fits it is no stop at all.
 */
export function TableWrap({
  label,
  className,
  children,
}: {
  /** What the region holds, read out when it takes focus (usually the table's caption). */
  label: string;
  className?: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    const measure = () => setScrolls(box.scrollWidth > box.clientWidth + 1);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    for (const child of box.children) observer.observe(child);
    return () => observer.disconnect();
  }, []);
  return (
    <div
      ref={ref}
      className={className ? `table-wrap ${className}` : 'table-wrap'}
      {...(scrolls ? { tabIndex: 0, role: 'region', 'aria-label': label } : {})}
    >
      {children}
    </div>
  );
}
