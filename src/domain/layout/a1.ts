/** A1 addresses. Rows and columns are 1-based everywhere in the layout. */
export interface CellRange {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export function colLetter(col: number): string {
  let s = "";
  let n = col;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function addr(row: number, col: number): string {
  return `${colLetter(col)}${row}`;
}

export function rangeAddr(r: CellRange): string {
  const a = addr(r.r1, r.c1);
  const b = addr(r.r2, r.c2);
  return a === b ? a : `${a}:${b}`;
}

/** Parse `B3` or `A1:G1` (with optional `$`). */
export function parseRange(s: string): CellRange | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(s.trim());
  if (!m) return null;
  const r1 = Number(m[2]);
  const c1 = colNumber(m[1]);
  const r2 = m[4] ? Number(m[4]) : r1;
  const c2 = m[3] ? colNumber(m[3]) : c1;
  return { r1: Math.min(r1, r2), c1: Math.min(c1, c2), r2: Math.max(r1, r2), c2: Math.max(c1, c2) };
}
