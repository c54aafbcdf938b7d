import type { FormDef } from "../catalog";
import { TEXT_FIELDS, TextField } from "../reportFields";
import { cleanText, foldKey, thaiDigitsToAscii } from "../text";
import { addr } from "./a1";
import { CellGrid, cellText, rowsFrom } from "./grid";
import { ColumnKey, META, MetaKey, ROWS } from "./spec";
import { CONTINUED, JOINED, MORE } from "./textMetrics";

/**
 * Which text of a sheet is the form's: the reader's parts, the metadata, the headings, the "(ต่อ)"
 * labels of continued items. The rest is stray — typed where no item's cell is (an inserted row, a
 * column beside the form) — and neither read nor carried when the sheet is laid out again.
 */

/**
 * The item cell of a row that continues an item on a later page ("I1 (ต่อ)", "I1–I4 (ต่อ)", or the
 * rest of a long question, "I2 (ต่อ) ผู้ขาดโอกาส…"): it names the item, but the row is not the item's.
 */
export function isContinuedLabel(text: string): boolean {
  return CONTINUED_LABEL.test(thaiDigitsToAscii(cleanText(text)));
}

const CODE_PART = "[IEO]\\s*\\d{1,3}(?:\\s*[-–—‑]\\s*[IEO]?\\s*\\d{1,3})?";
const CONTINUED_LABEL = new RegExp(
  `^${CODE_PART}(?:\\s*,\\s*${CODE_PART})*\\s*\\(ต่อ\\)(?:\\s|$)`,
  "i"
);

/** A text cell's part as the reader joins it: without the marks a split adds. */
function partText(t: string): string {
  let s = t.startsWith(CONTINUED.trim()) ? t.slice(CONTINUED.trim().length).trimStart() : t;
  if (s.endsWith(`${JOINED}${MORE}`)) s = s.slice(0, -(JOINED + MORE).length);
  else if (s.endsWith(MORE)) s = s.slice(0, -MORE.length);
  return s.trim();
}

/** A cell with text that laying the sheet out again would not carry. */
export interface StrayCell {
  cell: string;
  text: string;
}

/** What of a sheet as read (the reader's `FormSheet`) tells the form's own cells from the rest. */
export type ReadParts = {
  formDef: FormDef;
  headerRow: number;
  columns: Record<ColumnKey, number>;
  items: readonly ({ row: number } & Record<TextField, string>)[];
} & Record<Exclude<MetaKey, "form">, { cell: string | null }>;

/**
 * Cells whose text belongs to no part of the form as the reader reads it — a note typed in a row of
 * no item, a column beside the form, a cell above the header that is no metadata — which a sheet
 * laid out again would not carry. Fitting refuses a sheet with such cells rather than lose them.
 */
export function strayCells(form: ReadParts, grid: CellGrid): StrayCell[] {
  const c = form.columns;
  const known = new Set(Object.values(c));
  const itemRows = new Set(form.items.map((it) => it.row));
  const wide = new Set(grid.merges.filter((m) => m.c2 > m.c1).map((m) => `${m.r1}:${m.c1}`));
  const fieldOf = new Map<number, TextField>(TEXT_FIELDS.map((f) => [c[f], f]));
  // A part is part of a text of an item above it: looked for from the nearest item up.
  const byRow = [...form.items].sort((a, b) => b.row - a.row);
  const inText = (f: TextField, r: number, part: string) => {
    for (const it of byRow) if (it.row <= r && it[f].includes(part)) return true;
    return byRow.some((it) => it.row > r && it[f].includes(part));
  };
  const top = new Set<string>();
  for (const m of META) {
    top.add(addr(m.row, m.col));
    top.add(addr(m.row, m.col + 1));
    const cell = m.key === "form" ? null : form[m.key].cell;
    if (cell) top.add(cell);
  }
  const labels = META.map((m) => foldKey(m.label.th));
  // The form's marker wherever a row or column inserted above or before the form moved it.
  const marker = foldKey(`${form.formDef.formId} ${form.formDef.version}`);
  // The form's own texts in the item column: headings and the title lines (known by their text
  // where the source cannot tell merged cells).
  const def = form.formDef;
  const headings = new Set<string>([
    foldKey(def.title.th),
    ...def.tools.flatMap((t) => [
      foldKey(`${t.name.th} (${t.id})`),
      ...t.indicators.map((i) => foldKey(`ตัวชี้วัดที่ ${i.number} ${i.name.th}`)),
    ]),
  ]);
  const out: StrayCell[] = [];
  for (const r of rowsFrom(grid, 1)) {
    for (let col = 1; col <= grid.colCount; col++) {
      const t = cellText(grid.raw(r, col));
      if (!t) continue;
      const a = addr(r, col);
      let key: string | undefined;
      const folded = () => (key ??= foldKey(t));
      let ok: boolean;
      if (r < form.headerRow)
        ok =
          top.has(a) ||
          labels.some((l) => folded().startsWith(l)) ||
          folded().startsWith(marker) ||
          // The title lines, over the printed columns.
          (r >= form.headerRow - 2 && col === c.item && wide.has(`${r}:${col}`)) ||
          (r >= form.headerRow - 2 &&
            col === c.item &&
            (headings.has(folded()) || t.startsWith("ของ"))) ||
          (form.headerRow === ROWS.header &&
            (r === ROWS.title || r === ROWS.subtitle) &&
            col === c.item);
      else if (r === form.headerRow) ok = known.has(col);
      else if (!known.has(col)) ok = false;
      else if (col === c.code || col === c.score) ok = itemRows.has(r);
      else if (col === c.item)
        ok =
          itemRows.has(r) ||
          wide.has(`${r}:${col}`) ||
          headings.has(folded()) ||
          isContinuedLabel(t);
      else {
        const part = partText(t);
        const f = fieldOf.get(col)!;
        ok = !part || inText(f, r, part);
      }
      if (!ok) out.push({ cell: a, text: t.length > 40 ? `${t.slice(0, 40)}…` : t });
    }
  }
  return out;
}
