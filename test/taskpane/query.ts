import { act, screen, waitFor } from "@testing-library/react";
import type { Gateway } from "../../src/taskpane/gateway";

/**
 * Wait for a control by its visible text or label (cheap in jsdom), then check its role once. Polling
 * with `findByRole` recomputes accessible names over Fluent's injected CSS at every tick, which costs
 * hundreds of milliseconds per query on a busy machine.
 */
export async function findControl(
  role: "button" | "tab",
  name: string | RegExp
): Promise<HTMLElement> {
  await screen.findAllByText(name);
  return screen.getByRole(role, { name });
}

export async function findField(label: string | RegExp): Promise<HTMLElement> {
  return screen.findByLabelText(label);
}

/** A table by its aria-label, waited for by label (not by role). */
export async function findTable(label: string): Promise<HTMLElement> {
  return waitFor(() => {
    const table = screen.getAllByLabelText(label).find((e) => e.tagName === "TABLE");
    if (!table) throw new Error(`No table labelled "${label}" yet`);
    return table;
  });
}

/**
 * The gateway with every call the pane makes to Excel recorded, and `settled()`: resolves once all
 * those calls have finished and React has rendered what they gave, including calls started by that
 * rendering (a view read again after a write). No deadline: a test waits for the work itself, however
 * busy the machine, where `findBy…` gives up after the polling timeout.
 */
export function trackCalls(gateway: Gateway): { gateway: Gateway; settled: () => Promise<void> } {
  const pending = new Set<Promise<unknown>>();
  const wrapped = Object.fromEntries(
    Object.entries(gateway).map(([name, f]) => [
      name,
      (...args: unknown[]) => {
        const call = (f as (...a: unknown[]) => unknown)(...args);
        // A call that answers at once (the document's file API, a plain object) is not waited for.
        if (!(call instanceof Promise)) return call;
        pending.add(call);
        const done = () => void pending.delete(call);
        call.then(done, done);
        return call;
      },
    ])
  ) as unknown as Gateway;
  const settled = async () => {
    // Rounds until a round starts no call: each waits for the calls under way, then lets React
    // render (and load a view's module, and run its effects) inside act.
    for (;;) {
      await act(async () => {
        await Promise.allSettled([...pending]);
      });
      if (pending.size) continue;
      await act(async () => {});
      if (!pending.size) return;
    }
  };
  return { gateway: wrapped, settled };
}

/**
 * The merge button once it can be pressed: the merge view reads the chosen files as soon as they are
 * chosen, and merges when they have been read.
 */
export const mergeButton = (name: string) =>
  waitFor(() => {
    const b = screen.getByRole("button", { name });
    expect(b.getAttribute("aria-disabled")).not.toBe("true");
    return b;
  });

/** Fake timers for setTimeout alone: React, Testing Library and the host keep their own scheduling. */
export const ONLY_TIMEOUTS: Parameters<typeof jest.useFakeTimers>[0] = {
  doNotFake: [
    "Date",
    "hrtime",
    "nextTick",
    "performance",
    "queueMicrotask",
    "requestAnimationFrame",
    "cancelAnimationFrame",
    "requestIdleCallback",
    "cancelIdleCallback",
    "setImmediate",
    "clearImmediate",
    "setInterval",
    "clearInterval",
  ],
};
