import { screen, waitFor } from "@testing-library/react";

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
