import { createContext, useContext, useEffect, useRef } from "react";

/* global document, HTMLElement, setTimeout */

export type View = "create" | "validate" | "flags" | "merge";

/** The writes the pane made to the workbook: a list checked before the latest one may be stale. */
export interface Changes {
  /** For rendering. */
  changes: number;
  /** The count now (for a check that has just finished, before React renders again). */
  count: () => number;
}

export const ChangesContext = createContext<Changes>({ changes: 0, count: () => 0 });

/**
 * A list's staleness: `mark()` when it was checked; `stale` once the pane has written to the workbook
 * since then.
 */
export function useStaleness(): { stale: (checked: number | null) => boolean; now: () => number } {
  const { changes, count } = useContext(ChangesContext);
  return { stale: (checked) => checked !== null && changes > checked, now: count };
}

/**
 * The form sheet the pane follows (`worksheet.onChanged`): what the user types there makes a checked
 * list stale (ChangesContext) and, a moment after the typing stops, the rows typed in are grown to
 * their text (never moving a cell or the selection). When the sheet would still change if laid out
 * again (a text longer than its page), `fitNeeded` names it, for the pane to offer "จัดหน้าพิมพ์".
 */
export interface Watch {
  follow: (sheet: string) => void;
  fitNeeded: string | null;
  clearFitNeeded: () => void;
}

export const WatchContext = createContext<Watch>({
  follow: () => {},
  fitNeeded: null,
  clearFitNeeded: () => {},
});

export const useWatch = () => useContext(WatchContext);

/** Milliseconds after the last change before the rows typed in are grown. */
export const GROW_AFTER_MS = 1500;

/** Moving between views from inside one (the validate view's "import scores", for instance). */
export interface GoTo {
  view: (v: View) => void;
  focus: (v: View, id: string) => void;
}

export const GoToContext = createContext<GoTo>({ view: () => {}, focus: () => {} });

export const useGoTo = () => useContext(GoToContext);

/** The last control the user was on (so that focus can go back to it). */
let lastControl: HTMLElement | null = null;
if (typeof document !== "undefined")
  document.addEventListener(
    "focusin",
    (e) => {
      const t = e.target as HTMLElement | null;
      if (t && t !== document.body) lastControl = t;
    },
    true
  );

/** An element focus can go to: in the page, shown, enabled. */
export const usable = (el: HTMLElement | null): el is HTMLElement =>
  Boolean(
    el &&
    el.isConnected &&
    !el.closest("[hidden]") &&
    !(el as HTMLButtonElement).disabled &&
    el.getAttribute("aria-disabled") !== "true"
  );

const lost = () => !document.activeElement || document.activeElement === document.body;

/**
 * When the keyboard focus has fallen to the page body (the control used went away, was disabled while
 * busy, or a dialog closed without a place to return to), put it back: on the last control used when
 * it is there and enabled again, else on the heading of the view shown. Checked a few times while the
 * action finishes; focus the user moved elsewhere is left alone.
 */
export function rescueFocus(root: HTMLElement | null): void {
  if (!root) return;
  const waits = [0, 50, 150, 400, 800];
  const attempt = (k: number) => {
    if (!lost()) return;
    if (usable(lastControl) && root.contains(lastControl)) {
      lastControl.focus();
      if (!lost()) return;
    }
    if (k + 1 < waits.length) {
      setTimeout(() => attempt(k + 1), waits[k + 1] - waits[k]);
      return;
    }
    const heading = [...root.querySelectorAll<HTMLElement>("section h2")].find(usable);
    if (heading) {
      heading.tabIndex = -1;
      heading.focus();
    }
  };
  setTimeout(() => attempt(0), 0);
}

/** An element that takes the keyboard focus when `key` changes to a non-null value (a result shown). */
export function useFocusOn<T extends HTMLElement>(key: unknown) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (key !== null && key !== undefined && key !== false) ref.current?.focus();
  }, [key]);
  return ref;
}
