import { useCallback, useEffect, useLayoutEffect, useRef, type RefObject } from 'react';

// Where keyboard focus goes after an action changes the page. A button that disappears or turns
// disabled under the reader's finger drops focus to the page body, and the next Tab starts from
// the top: these helpers put it on what the action produced instead (WCAG 2.4.3 focus order).

/** Focuses an element, making it focusable by script first when it is not by nature. */
export function focusElement(element: HTMLElement | null | undefined): boolean {
  if (!element?.isConnected) return false;
  if (element.tabIndex < 0 && !element.hasAttribute('tabindex')) {
    element.setAttribute('tabindex', '-1');
  }
  element.focus({ preventScroll: true });
  element.scrollIntoView?.({ block: 'nearest' });
  return document.activeElement === element;
}

/** True when nothing meaningful holds focus (it fell to the body, or its element went away). */
export function focusIsLost(): boolean {
  const active = document.activeElement;
  return (
    active === null ||
    active === document.body ||
    !active.isConnected ||
    (active instanceof HTMLButtonElement && active.disabled)
  );
}

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** The first element of `container` a keyboard user can reach, if any. */
export function firstFocusable(container: Element | null | undefined): HTMLElement | null {
  return container?.querySelector<HTMLElement>(FOCUSABLE) ?? null;
}

/**
 * Schedules focus for after the next render: `focusAfter(() => element)` in an event handler
 * that also changes state, e.g. the select after "Add to ranking" empties and disables the button.
 * The first target that exists and can take focus wins (pass several as fallbacks).
 */
export function useFocusAfter(): (...targets: (() => HTMLElement | null | undefined)[]) => void {
  const pending = useRef<(() => HTMLElement | null | undefined)[] | null>(null);
  useEffect(() => {
    const targets = pending.current;
    if (!targets) return;
    pending.current = null;
    for (const target of targets) if (focusElement(target())) return;
  });
  return useCallback((...targets) => {
    pending.current = targets;
  }, []);
}

/** When an element that appears takes focus (see `useFocusOnMount`). */
export type FocusWhen =
  /** always: a result or status that replaces the form the reader used */
  | 'always'
  /** unless the reader is in a text field or a list: an action's failure */
  | 'unless-typing'
  /** only when focus fell to the body */
  | 'if-lost';

function typing(): boolean {
  const active = document.activeElement;
  return (
    active instanceof HTMLInputElement ||
    active instanceof HTMLTextAreaElement ||
    active instanceof HTMLSelectElement ||
    (active instanceof HTMLElement && active.isContentEditable)
  );
}

/**
 * A ref for what an action produces (a result, a status, an alert): the element takes focus when
 * it appears, as `when` says. Later renders leave focus where the reader moved it.
 */
export function useFocusOnMount<T extends HTMLElement>(
  when: FocusWhen | false = 'always',
): RefObject<T | null> {
  const ref = useRef<T>(null);
  const first = useRef(when);
  useLayoutEffect(() => {
    const mode = first.current;
    if (mode === false) return;
    if (mode === 'if-lost' && !focusIsLost()) return;
    if (mode === 'unless-typing' && typing()) return;
    focusElement(ref.current);
  }, []);
  return ref;
}
