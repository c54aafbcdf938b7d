/**
 * Excel reads `_xHHHH_` in stored text as an escaped character (`_x000D_` is a carriage return). Text
 * that holds such a sequence literally is written with its underscore escaped (`_x005F_`), so that
 * Excel shows what the district typed.
 */
export function escapeOoxml(s: string): string {
  return s.includes("_x") ? s.replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1") : s;
}

/** A cell value as handed to ExcelJS: strings escaped, other values as they are. */
export function cellValue<T>(v: T): T {
  return (typeof v === "string" ? escapeOoxml(v) : v) as T;
}
