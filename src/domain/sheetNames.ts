/** Excel's longest sheet name. */
export const MAX_SHEET_NAME = 31;

/**
 * A name for a new sheet that does not clash: "ITA 2567 รอบ 6", "ITA 2567 รอบ 6 (2)", … — cut so that
 * it stays within Excel's 31 characters.
 */
export function freeSheetName(base: string, existing: readonly string[]): string {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  const first = base.slice(0, MAX_SHEET_NAME);
  if (!taken.has(first.toLowerCase())) return first;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = `${base.slice(0, MAX_SHEET_NAME - suffix.length)}${suffix}`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}
