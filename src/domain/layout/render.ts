import { Catalog, CatalogItem } from "../catalog";
import { Round, roundPeriod } from "../fiscal";
import { Report } from "../report";
import { xmlSafe } from "../text";
import { unitDisplayName, Unit } from "../units";
import { addr, CellRange } from "./a1";
import {
  COLUMNS,
  columnIndex,
  LAYOUT_VERSION,
  LOW_SCORE_FORMAT,
  META,
  META_LABEL_COLS,
  META_VALUE_COLS,
  metaLabelText,
  metaRow,
  PASS_MARK_VALIDATION,
  PRINT,
  PROTECTION,
  ROWS,
  SCORE_VALIDATION,
  StyleName,
} from "./spec";

export type CellValue = string | number | null;

export interface FormMeta {
  /** Null for a blank form the district fills in. */
  unit: Unit | null;
  fiscalYear: number;
  round: Round;
  passMark: number;
  preparer: string;
}

export interface RowInfo {
  row: number;
  kind: "tool" | "indicator" | "item";
  code?: string;
}

/** Everything a writer needs, in writer-neutral terms. Rows and columns are 1-based. */
export interface SheetModel {
  name: string;
  rowCount: number;
  colCount: number;
  /** values[row-1][col-1]; the full rectangle, null for empty. */
  values: CellValue[][];
  /** Applied in order; a later range overrides the properties it sets. */
  styles: { range: CellRange; style: StyleName }[];
  merges: CellRange[];
  columnWidths: number[];
  rowKinds: RowInfo[];
  validations: {
    range: CellRange;
    min: number;
    max: number;
    title: string;
    prompt: string;
    error: string;
  }[];
  conditionalFormats: { range: CellRange; formula: string; fill: string; fontColor: string }[];
  freezeRows: number;
  print: typeof PRINT & { titleRows: { first: number; last: number } };
  protection: typeof PROTECTION;
  /** Key/value pairs stored in the hidden metadata sheet for this form sheet. */
  metadata: [string, string | number][];
}

export function defaultSheetName(meta: Pick<FormMeta, "fiscalYear" | "round">): string {
  return `ITA ${meta.fiscalYear} รอบ ${meta.round}`;
}

export function formMarker(catalog: Catalog): string {
  return `${catalog.formId} ${catalog.version}`;
}

/** Render the form for a unit, optionally filled with a report's values. */
export function renderForm(
  catalog: Catalog,
  meta: FormMeta,
  report?: Report,
  name = defaultSheetName(meta)
): SheetModel {
  const colCount = COLUMNS.length;
  const rows: CellValue[][] = [];
  const styles: SheetModel["styles"] = [];
  const merges: CellRange[] = [];
  const rowKinds: RowInfo[] = [];
  const set = (r: number, c: number, v: CellValue) => {
    while (rows.length < r) rows.push(new Array<CellValue>(colCount).fill(null));
    rows[r - 1][c - 1] = typeof v === "string" ? xmlSafe(v) : v;
  };
  const style = (range: CellRange, s: StyleName) => styles.push({ range, style: s });
  const fullRow = (r: number): CellRange => ({ r1: r, c1: 1, r2: r, c2: colCount });

  // Title block.
  set(ROWS.title, 1, catalog.title.th);
  set(
    ROWS.subtitle,
    1,
    `ของ${meta.unit ? unitDisplayName(meta.unit) : "……………………"} ประจำปีงบประมาณ พ.ศ. ${meta.fiscalYear} ${roundPeriod(meta.fiscalYear, meta.round).th}`
  );
  for (const r of [ROWS.title, ROWS.subtitle]) merges.push(fullRow(r));
  style(fullRow(ROWS.title), "title");
  style(fullRow(ROWS.subtitle), "subtitle");

  // Metadata block: label | value.
  const metaValues: Record<(typeof META)[number]["key"], CellValue> = {
    unit: meta.unit ? unitDisplayName(meta.unit) : "",
    fiscalYear: meta.fiscalYear,
    round: meta.round,
    passMark: meta.passMark,
    preparer: meta.preparer,
    form: formMarker(catalog),
  };
  for (const m of META) {
    const r = metaRow(m.key);
    set(r, META_LABEL_COLS.c1, metaLabelText(m));
    set(r, META_VALUE_COLS.c1, metaValues[m.key] === "" ? null : metaValues[m.key]);
    const label = { r1: r, c1: META_LABEL_COLS.c1, r2: r, c2: META_LABEL_COLS.c2 };
    const value = { r1: r, c1: META_VALUE_COLS.c1, r2: r, c2: META_VALUE_COLS.c2 };
    merges.push(label, value);
    style(label, "metaLabel");
    style(value, m.key === "passMark" ? "metaNumber" : m.entry ? "metaValue" : "metaFixed");
  }

  // Header.
  COLUMNS.forEach((c, i) =>
    set(
      ROWS.header,
      i + 1,
      c.header === "fromForm" ? catalog.columns[c.key as keyof Catalog["columns"]].th : c.header.th
    )
  );
  style(fullRow(ROWS.header), "header");

  // Body: tool row, indicator row, item rows.
  const byCode = new Map((report?.items ?? []).map((it) => [it.code, it]));
  let r = ROWS.body;
  let firstItemRow = 0;
  for (const tool of catalog.tools) {
    set(r, 1, `${tool.name.th} (${tool.id})`);
    merges.push(fullRow(r));
    style(fullRow(r), "tool");
    rowKinds.push({ row: r, kind: "tool" });
    r++;
    for (const ind of tool.indicators) {
      set(r, 1, `ตัวชี้วัดที่ ${ind.number} ${ind.name.th}`);
      merges.push(fullRow(r));
      style(fullRow(r), "indicator");
      rowKinds.push({ row: r, kind: "indicator" });
      r++;
      const first = r;
      for (const item of ind.items) {
        if (!firstItemRow) firstItemRow = r;
        writeItem(set, r, item, byCode.get(item.code));
        rowKinds.push({ row: r, kind: "item", code: item.code });
        r++;
      }
      COLUMNS.forEach((c, i) => style({ r1: first, c1: i + 1, r2: r - 1, c2: i + 1 }, c.style));
    }
  }
  const lastItemRow = r - 1;
  const scoreCol = columnIndex("score");
  const scoreRange = { r1: firstItemRow, c1: scoreCol, r2: lastItemRow, c2: scoreCol };
  const passMarkCell = `$${addr(metaRow("passMark"), META_VALUE_COLS.c1).replace(/(\d+)$/, "$$$1")}`;
  const firstScore = addr(firstItemRow, scoreCol);
  const passMarkRow = metaRow("passMark");

  return {
    name,
    rowCount: rows.length,
    colCount,
    values: rows,
    styles,
    merges,
    columnWidths: COLUMNS.map((c) => c.width),
    rowKinds,
    validations: [
      {
        range: scoreRange,
        min: SCORE_VALIDATION.min,
        max: SCORE_VALIDATION.max,
        title: SCORE_VALIDATION.title.th,
        prompt: SCORE_VALIDATION.prompt.th,
        error: SCORE_VALIDATION.error.th,
      },
      {
        range: { r1: passMarkRow, c1: META_VALUE_COLS.c1, r2: passMarkRow, c2: META_VALUE_COLS.c2 },
        min: PASS_MARK_VALIDATION.min,
        max: PASS_MARK_VALIDATION.max,
        title: PASS_MARK_VALIDATION.title.th,
        prompt: PASS_MARK_VALIDATION.prompt.th,
        error: PASS_MARK_VALIDATION.error.th,
      },
    ],
    conditionalFormats: [
      {
        range: scoreRange,
        // VALUE() also reads a pass mark stored as text (pasted over the validation); a blank or
        // unreadable one highlights nothing.
        formula: `AND(ISNUMBER(${firstScore}),${firstScore}<IFERROR(VALUE(${passMarkCell}),-1))`,
        fill: LOW_SCORE_FORMAT.fill,
        fontColor: LOW_SCORE_FORMAT.fontColor,
      },
    ],
    freezeRows: ROWS.header,
    print: { ...PRINT, titleRows: { first: ROWS.header, last: ROWS.header } },
    protection: PROTECTION,
    metadata: [
      ["formId", catalog.formId],
      ["formVersion", catalog.version],
      ["layoutVersion", LAYOUT_VERSION],
      ["unitCode", meta.unit?.code ?? ""],
      ["unit", meta.unit ? unitDisplayName(meta.unit) : ""],
      ["fiscalYear", meta.fiscalYear],
      ["round", meta.round],
      ["passMark", meta.passMark],
      ["preparer", meta.preparer],
    ],
  };
}

function writeItem(
  set: (r: number, c: number, v: CellValue) => void,
  r: number,
  item: CatalogItem,
  filled: Report["items"][number] | undefined
) {
  set(r, columnIndex("code"), item.code.includes("-") ? item.label : item.code);
  set(r, columnIndex("item"), item.label);
  set(r, columnIndex("score"), filled?.score ?? null);
  set(r, columnIndex("issue"), filled ? filled.issue || null : item.issue);
  set(r, columnIndex("measures"), filled?.measures || null);
  set(r, columnIndex("results"), filled?.results || null);
  set(r, columnIndex("evidence"), filled?.evidence || null);
}
