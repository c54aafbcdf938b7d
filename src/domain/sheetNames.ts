/** A name for a new sheet that does not clash: "ITA 2567 รอบ 6", "ITA 2567 รอบ 6 (2)", … */
export function freeSheetName(base: string, existing: readonly string[]): string {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  if (!taken.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const name = `${base} (${i})`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}
