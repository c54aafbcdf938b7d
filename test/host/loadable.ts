/**
 * Loaded properties: readable only after `load()` names them (or loads every scalar property) and a
 * `sync()` has run, as in Excel. Loading `values` does not make `address` or `rowCount` readable.
 * Reading a property that was not loaded throws PropertyNotLoaded, as Office.js does
 * (OfficeExtension.Utility.throwIfNotLoaded; code listed in
 * https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling).
 */
import { officeError } from "./errors";

export type LoadOption = string | string[] | { select?: string | string[] } | undefined;

/** The properties a `load` call asks for: its list, or every scalar property when it names none. */
export function selected(option: LoadOption, scalars: readonly string[]): string[] {
  const raw =
    option === undefined
      ? undefined
      : typeof option === "string" || Array.isArray(option)
        ? option
        : option.select;
  if (raw === undefined || raw === "" || raw === "$all") return [...scalars];
  const list = (Array.isArray(raw) ? raw : raw.split(",")).map((s) => s.trim()).filter(Boolean);
  // A collection's "items/name" selects `name` on each item.
  return list.map((s) => s.replace(/^items\//, ""));
}

export function notLoaded(what: string): never {
  throw officeError(
    "PropertyNotLoaded",
    `The property '${what}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`
  );
}

/** The loaded values of one proxy object. */
export class Loaded {
  private readonly values = new Map<string, unknown>();
  constructor(private readonly owner: string) {}
  set(prop: string, v: unknown): void {
    this.values.set(prop, v);
  }
  has(prop: string): boolean {
    return this.values.has(prop);
  }
  get<T>(prop: string): T {
    if (!this.values.has(prop)) notLoaded(`${this.owner}.${prop}`);
    return this.values.get(prop) as T;
  }
}
