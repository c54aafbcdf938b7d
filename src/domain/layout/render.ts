import { FormDef, FormItem } from "../catalog";
import { formDefinitionRows } from "../catalog/embed";
import { CarriedRecord, carriedMarker, carriedRows } from "../carried";
import { Round, roundPeriod } from "../fiscal";
import { Report, ReportItem } from "../report";
import { xmlSafe } from "../text";
import { unitDisplayName, Unit } from "../units";
import { addr, CellRange } from "./a1";
import { CellValue } from "./cells";
import { continuedLabel, FlowElement, layoutBody } from "./flow";
import { arrayGrid, CellGrid } from "./grid";
import { Formula, isFormula, itemFormula, SIZED_SCORE, textLiteral } from "./formula";
import { RowHeight, rowHeights } from "./heights";
import {
  COLUMNS,
  columnIndex,
  FONT,
  LAYOUT_VERSION,
  LOW_SCORE_FORMAT,
  META,
  metaCell,
  metaLabelText,
  META_VALUE_SPAN,
  MetaKey,
  OFFICIAL_COLS,
  PASS_MARK_VALIDATION,
  PRINT,
  PROTECTION,
  ROWS,
  SCORE_VALIDATION,
  SHARED_FIELDS,
  StyleName,
  STYLES,
} from "./spec";
import { chosenLines, columnWidthPt, JOINED, MORE, wrappedLines } from "./textMetrics";

export type { CellValue };

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
  kind: "tool" | "indicator" | "item" | "continuation";
  code?: string;
}

export interface Validation {
  range: CellRange;
  min: number;
  max: number;
  title: string;
  prompt: string;
  error: string;
}

/** Everything a writer needs, in writer-neutral terms. Rows and columns are 1-based. */
export interface SheetModel {
  name: string;
  rowCount: number;
  colCount: number;
  /** values[row-1][col-1]; the full rectangle, null for empty; formulas carry their result. */
  values: CellValue[][];
  /** Applied in order; a later range overrides the properties it sets. */
  styles: { range: CellRange; style: StyleName }[];
  /** Number formats of single cells over their style's (a kept cell's own: a score shown as 85%). */
  numFmts?: { row: number; col: number; numFmt: string }[];
  merges: CellRange[];
  columnWidths: number[];
  /** Height of every row; fixed rows are marked so no app re-fits them (merged cells). */
  rowHeights: RowHeight[];
  rowKinds: RowInfo[];
  validations: Validation[];
  conditionalFormats: { range: CellRange; formula: string; fill: string; fontColor: string }[];
  freezeRows: number;
  print: typeof PRINT & {
    titleRows: { first: number; last: number };
    area: CellRange;
    /** Rows that start a new printed page. */
    breaksBefore: number[];
  };
  protection: typeof PROTECTION;
  /** Key/value pairs stored in the hidden metadata sheet for this form sheet. */
  metadata: [string, string | number][];
}

export function defaultSheetName(meta: Pick<FormMeta, "fiscalYear" | "round">): string {
  return `ITA ${meta.fiscalYear} รอบ ${meta.round}`;
}

export function formMarker(formDef: FormDef): string {
  return `${formDef.formId} ${formDef.version}`;
}

const BLANK_UNIT = "……………………";

/** The header row holds each official column name in at most this many lines of 16 pt. */
export const HEADER_LINES = 3;

/** An official column name as the header shows it: broken into lines at chosen points. */
export function headerText(name: string, widthChars: number): string {
  return chosenLines(
    name,
    columnWidthPt(widthChars),
    { size: FONT.size, bold: true },
    HEADER_LINES
  );
}

/** The second title line, as the form prints it: `ของสำนักงานเขตจอมทอง ประจำปีงบประมาณ พ.ศ. 2567 รอบ 6 …`. */
export function subtitleText(meta: FormMeta): string {
  const unit = meta.unit ? unitDisplayName(meta.unit) : BLANK_UNIT;
  return `ของ${unit} ประจำปีงบประมาณ พ.ศ. ${meta.fiscalYear} ${roundPeriod(meta.fiscalYear, meta.round).th}`;
}

/** The subtitle as a formula over the metadata cells, so that it follows what the district types. */
function subtitleFormula(meta: FormMeta): Formula {
  const unit = metaCell("unit").address;
  const year = metaCell("fiscalYear").address;
  const round = metaCell("round").address;
  const prev = `IFERROR(${year}-1,"")`;
  const period = `IF(ISNUMBER(SEARCH("12",${round})),"รอบ 12 เดือน (ตุลาคม "&${prev}&" - กันยายน "&${year}&")","รอบ 6 เดือนแรก (ตุลาคม "&${prev}&" - มีนาคม "&${year}&")")`;
  return {
    formula: `"ของ"&IF(${unit}="",${textLiteral(BLANK_UNIT)},${unit})&" ประจำปีงบประมาณ พ.ศ. "&${year}&" "&${period}`,
    result: subtitleText(meta),
  };
}

type Fields = Pick<ReportItem, "measures" | "results" | "evidence">;
const hasOwnText = (f: Fields | undefined) =>
  Boolean(f && SHARED_FIELDS.some((k) => f[k].trim() !== ""));

/**
 * Items of an indicator in segments that share one measures/results/evidence cell: a measure group of
 * the form (I1–I4) is one segment while its later items have no text of their own; an item with its own
 * text starts a segment of its own (a district that split it off, or wrote per item).
 */
export function measureSegments(
  items: readonly FormItem[],
  filled: ReadonlyMap<string, Fields>
): FormItem[][] {
  const out: FormItem[][] = [];
  for (const item of items) {
    const last = out[out.length - 1];
    const sameGroup =
      last && last[0].measureGroup === item.measureGroup && item.measureGroup !== item.code;
    if (sameGroup && !hasOwnText(filled.get(item.code))) last.push(item);
    else out.push([item]);
  }
  return out;
}

/** A cell written as a read sheet holds it: its value, and its own number format when it has one. */
export interface KeptCell {
  value: CellValue;
  numFmt?: string | null;
}

/** How a sheet laid out again from what it holds differs from a new form (see `fit.ts`). */
export interface RenderOptions {
  /** The items that share one measures cell, in form order, as the sheet has them. */
  segments?: readonly (readonly string[])[];
  /** The metadata cells as the sheet holds them. */
  metaCells?: Partial<Record<MetaKey, KeptCell>>;
  /** The score cells as the sheet holds them, by item code. */
  scoreCells?: ReadonlyMap<string, KeptCell>;
  /** What a report started from an earlier one carried: kept in the metadata, and said by the form marker. */
  carried?: CarriedRecord | null;
}

/** The segments of an indicator's items, as a list of segments over the whole form gives them. */
function segmentsOf(items: readonly FormItem[], segments: readonly (readonly string[])[]) {
  const of = new Map<string, number>();
  segments.forEach((seg, i) => seg.forEach((code) => of.set(code, i)));
  const out: FormItem[][] = [];
  for (const item of items) {
    const last = out[out.length - 1];
    const k = of.get(item.code);
    if (last && k !== undefined && of.get(last[0].code) === k) last.push(item);
    else out.push([item]);
  }
  return out;
}

/**
 * Render the form for a unit, optionally filled with a report's values; a report started from an
 * earlier one gives what it carried (`opts.carried`).
 */
export function renderForm(
  formDef: FormDef,
  meta: FormMeta,
  report?: Report,
  name = defaultSheetName(meta),
  opts: RenderOptions = {}
): SheetModel {
  const carried = opts.carried ?? undefined;
  const colCount = COLUMNS.length;
  const rows: CellValue[][] = [];
  const styles: SheetModel["styles"] = [];
  const merges: CellRange[] = [];
  const rowKinds: RowInfo[] = [];
  const numFmts: { row: number; col: number; numFmt: string }[] = [];
  const set = (r: number, c: number, v: CellValue) => {
    while (rows.length < r) rows.push(new Array<CellValue>(colCount).fill(null));
    rows[r - 1][c - 1] = typeof v === "string" ? xmlSafe(v) : v;
  };
  const ensure = (r: number) => set(r, 1, rows[r - 1]?.[0] ?? null);
  const style = (range: CellRange, s: StyleName) => styles.push({ range, style: s });
  const official = (r1: number, r2 = r1): CellRange => ({
    r1,
    c1: OFFICIAL_COLS.first,
    r2,
    c2: OFFICIAL_COLS.last,
  });
  const helpers = (r1: number, r2 = r1): CellRange => ({
    r1,
    c1: 1,
    r2,
    c2: OFFICIAL_COLS.first - 1,
  });
  const col = columnIndex;
  const widthPt = (c1: number, c2: number) =>
    COLUMNS.slice(c1 - 1, c2).reduce((s, c) => s + columnWidthPt(c.width), 0);

  // Metadata (on screen only): label | value, one field a row.
  const metaValues: Record<(typeof META)[number]["key"], CellValue> = {
    unit: meta.unit ? unitDisplayName(meta.unit) : "",
    fiscalYear: meta.fiscalYear,
    round: meta.round,
    passMark: meta.passMark,
    preparer: meta.preparer,
    form: formMarker(formDef) + (carried ? carriedMarker(carried.from) : ""),
  };
  for (const m of META) {
    set(m.row, m.col, metaLabelText(m));
    const kept = opts.metaCells?.[m.key];
    set(m.row, m.col + 1, kept ? kept.value : metaValues[m.key] === "" ? null : metaValues[m.key]);
    if (kept?.numFmt) numFmts.push({ row: m.row, col: m.col + 1, numFmt: kept.numFmt });
    style({ r1: m.row, c1: m.col, r2: m.row, c2: m.col }, "metaLabel");
    const value = { r1: m.row, c1: m.col + 1, r2: m.row, c2: m.col + META_VALUE_SPAN };
    merges.push(value);
    style(value, m.style);
  }
  ensure(ROWS.spacer);

  // The official title: two lines over the five columns.
  set(ROWS.title, OFFICIAL_COLS.first, formDef.title.th);
  set(ROWS.subtitle, OFFICIAL_COLS.first, subtitleFormula(meta));
  for (const r of [ROWS.title, ROWS.subtitle]) {
    merges.push(official(r));
    style(official(r), r === ROWS.title ? "title" : "subtitle");
  }

  // Header: the five official column names, each broken at chosen points into at most three lines
  // (HEADER_LINES), and the helper columns' own.
  COLUMNS.forEach((c, i) =>
    set(
      ROWS.header,
      i + 1,
      c.header === "fromForm"
        ? headerText(formDef.columns[c.key as keyof FormDef["columns"]].th, c.width)
        : c.header.th
    )
  );
  style(official(ROWS.header), "header");
  style(helpers(ROWS.header), "helperHeader");

  // Top rows: one height each (the title lines and metadata values are merged across columns).
  const heights: RowHeight[] = rowHeights({
    rowCount: ROWS.header,
    text: (row, c) => modelCellText(rows[row - 1][c - 1]),
    font: () => ({ size: FONT.size, bold: true }),
    columnWidths: COLUMNS.map((c) => c.width),
    merges,
    fixedRows: new Map([[ROWS.spacer, 8]]),
  });
  const headerPt = heights[ROWS.header - 1].pt;

  // Body: tool and indicator headings, then the items of each indicator in measure segments, laid out
  // on the printed pages (see flow.ts).
  const byCode = new Map((report?.items ?? []).map((it) => [it.code, it]));
  const elements: FlowElement[] = [];
  const heading = (text: string, kind: "tool" | "indicator") => {
    const cells = new Array<CellValue>(colCount).fill(null);
    cells[OFFICIAL_COLS.first - 1] = text;
    const lineCount = wrappedLines(text, widthPt(OFFICIAL_COLS.first, OFFICIAL_COLS.last), {
      size: FONT.size,
      bold: true,
    });
    elements.push({ kind, cells, lines: lineCount });
  };
  for (const tool of formDef.tools) {
    heading(`${tool.name.th} (${tool.id})`, "tool");
    for (const ind of tool.indicators) {
      heading(`ตัวชี้วัดที่ ${ind.number} ${ind.name.th}`, "indicator");
      const segments = opts.segments
        ? segmentsOf(ind.items, opts.segments)
        : measureSegments(ind.items, byCode);
      for (const segment of segments) {
        const items = segment.map((item, k) => {
          const cells = itemCells(item, byCode.get(item.code), k === 0);
          const kept = opts.scoreCells?.get(item.code);
          if (kept) cells[col("score") - 1] = kept.value;
          // The item text is laid out with the longest score it can show, "(100.00 คะแนน)", and
          // split over pages like the issue when it does not fit one (a long question in a narrow
          // column); it becomes the formula with the item's own score after the layout.
          cells[col("item") - 1] = sizedLabel(formDef, item.code);
          return {
            code: item.code,
            cells,
            ownCols: [col("item"), col("issue")],
            fixedLines: Math.min(
              LABEL_FIRST_LINES,
              wrappedLines(sizedLabel(formDef, item.code), widthPt(col("item"), col("item")), {
                size: FONT.size,
              })
            ),
          };
        });
        elements.push({ kind: "segment", items });
      }
    }
  }
  const body = layoutBody(
    elements,
    {
      count: colCount,
      itemCols: COLUMNS.filter((c) => !(SHARED_FIELDS as readonly string[]).includes(c.key)).map(
        (c) => col(c.key)
      ),
      widthsPt: COLUMNS.map((c) => columnWidthPt(c.width)),
      sharedCols: SHARED_FIELDS.map((f) => col(f)),
      labelCol: col("item"),
    },
    FONT,
    {
      heightPt: PRINT.pageHeightPt,
      repeatPt: headerPt,
      firstUsedPt: heights.slice(ROWS.title - 1, ROWS.header).reduce((s, h) => s + h.pt, 0),
    }
  );
  const at = (bodyRow: number) => ROWS.body + bodyRow - 1;
  let firstItemRow = 0;
  const itemRow = new Map<string, number>();
  // Item rows are styled column by column over each run of rows between headings (few, large ranges).
  let runFirst = 0;
  const endRun = (last: number) => {
    if (runFirst)
      COLUMNS.forEach((c, k) => style({ r1: runFirst, c1: k + 1, r2: last, c2: k + 1 }, c.style));
    runFirst = 0;
  };
  body.rows.forEach((row, i) => {
    const r = at(i + 1);
    row.cells.forEach((v, c) => set(r, c + 1, v));
    ensure(r);
    if (row.kind === "tool" || row.kind === "indicator") {
      endRun(r - 1);
      merges.push(official(r));
      style(official(r), row.kind);
      style(helpers(r), "code");
    } else {
      if (!firstItemRow) firstItemRow = r;
      runFirst ||= r;
      const keptFmt = row.kind === "item" ? opts.scoreCells?.get(row.code!)?.numFmt : null;
      if (keptFmt) numFmts.push({ row: r, col: col("score"), numFmt: keptFmt });
      if (row.kind === "item") itemRow.set(row.code!, r);
      const v = rows[r - 1][col("item") - 1];
      // The item text with its score: a formula over the item's own score cell, in the part that
      // ends the text (the item's row, or a later page's "I2 (ต่อ) …").
      if (typeof v === "string" && row.code) {
        const score = byCode.get(row.code)?.score ?? null;
        const text = itemText(formDef, row.code, v, row.kind === "item");
        set(
          r,
          col("item"),
          text.scored
            ? itemFormula(text.text, addr(itemRow.get(row.code)!, col("score")), score)
            : text.text
        );
      }
    }
    rowKinds.push({ row: r, kind: row.kind, ...(row.code ? { code: row.code } : {}) });
    heights.push({ pt: Math.round(row.pt * 100) / 100, fixed: false });
  });
  endRun(at(body.rows.length));
  for (const m of body.merges) merges.push({ ...m, r1: at(m.r1), r2: at(m.r2) });
  for (const m of merges)
    for (let x = m.r1; x <= m.r2; x++) heights[x - 1] = { ...heights[x - 1], fixed: true };
  const r = ROWS.body + body.rows.length;
  const lastRow = r - 1;
  const scoreCol = col("score");
  const scoreRange = { r1: firstItemRow, c1: scoreCol, r2: lastRow, c2: scoreCol };
  const pass = metaCell("passMark");
  const passAbs = `$${addr(pass.row, pass.col).replace(/(\d+)$/, "$$$1")}`;
  const firstScore = addr(firstItemRow, scoreCol);
  const passCell = { r1: pass.row, c1: pass.col, r2: pass.row, c2: pass.col };

  return {
    name,
    rowCount: rows.length,
    colCount,
    values: rows,
    styles,
    numFmts,
    merges,
    columnWidths: COLUMNS.map((c) => c.width),
    rowHeights: heights,
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
        range: passCell,
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
        // VALUE() accepts the pass mark typed as a number or as text ("85"); ISNUMBER guards a blank.
        formula: `AND(ISNUMBER(${firstScore}),ISNUMBER(VALUE(${passAbs})),${firstScore}<VALUE(${passAbs}))`,
        fill: LOW_SCORE_FORMAT.fill,
        fontColor: LOW_SCORE_FORMAT.fontColor,
      },
    ],
    freezeRows: 0,
    print: {
      ...PRINT,
      titleRows: { first: ROWS.header, last: ROWS.header },
      area: official(ROWS.title, lastRow),
      breaksBefore: body.breaksBefore.map(at),
    },
    protection: PROTECTION,
    metadata: [
      ["formId", formDef.formId],
      ["formVersion", formDef.version],
      ["layoutVersion", LAYOUT_VERSION],
      ["unitCode", meta.unit?.code ?? ""],
      ["unit", meta.unit ? unitDisplayName(meta.unit) : ""],
      ["fiscalYear", meta.fiscalYear],
      ["round", meta.round],
      ["passMark", meta.passMark],
      ["preparer", meta.preparer],
      ...formDefinitionRows(formDef),
      ...(carried ? carriedRows(carried) : []),
    ],
  };
}

/** The cells of an item's first row (A…G); the shared cells only on a segment's first item. */
function itemCells(
  item: FormItem,
  filled: Report["items"][number] | undefined,
  segmentTop: boolean
): CellValue[] {
  const cells = new Array<CellValue>(COLUMNS.length).fill(null);
  const put = (key: (typeof COLUMNS)[number]["key"], v: CellValue) =>
    (cells[columnIndex(key) - 1] = typeof v === "string" ? xmlSafe(v) : v);
  const score = filled?.score ?? null;
  put("code", item.code.includes("-") ? item.label : item.code);
  put("score", score);
  // The row is not known yet: the formula is written again with the row's own score cell.
  put("item", itemFormula(item.label, "B1", score));
  put("issue", filled ? filled.issue || null : item.issue);
  if (segmentTop) for (const f of SHARED_FIELDS) put(f, filled?.[f] || null);
  return cells;
}

/**
 * Lines of an item's question that start on the same page as the item (all of a shorter one): a
 * longer question goes on on the next page under "I2 (ต่อ)", as a table row of the Word form breaks
 * across pages, rather than leave most of a page empty.
 */
export const LABEL_FIRST_LINES = 3;

/** An item's text as the layout sizes it: with the longest score it can show. */
function sizedLabel(formDef: FormDef, code: string): string {
  return `${formDef.byCode.get(code)!.label}${SIZED_SCORE}`;
}

/**
 * What a part of an item's text in the layout (sized with "(100.00 คะแนน)") becomes in the sheet:
 * the part that ends the text shows the item's score (`scored`, made a formula over its score cell);
 * the first part of a text split over pages is the question up to the split ("…"), a later one starts
 * with the item's code and "(ต่อ)". A part that is only a label ("I2 (ต่อ)") stays as it is.
 */
function itemText(
  formDef: FormDef,
  code: string,
  part: string,
  first: boolean
): { text: string; scored: boolean } {
  const label = formDef.byCode.get(code)!.label;
  const sized = sizedLabel(formDef, code);
  const suffix = SIZED_SCORE;
  if (first) {
    if (part === sized) return { text: label, scored: true };
    const body = part.endsWith(`${JOINED}${MORE}`)
      ? part.slice(0, -(JOINED + MORE).length)
      : part.endsWith(MORE)
        ? part.slice(0, -MORE.length)
        : part;
    // Split within the score: the whole question here, the score on the next page.
    return { text: body.length >= label.length ? label : part, scored: false };
  }
  const mark = continuedLabel([code]);
  if (!part.startsWith(mark)) return { text: part, scored: false };
  const rest = part.slice(mark.length).trimStart();
  if (!rest || !sized.endsWith(rest)) return { text: part, scored: false };
  const labelPart = rest.length > suffix.trimStart().length ? rest.slice(0, -suffix.length) : "";
  return { text: `${mark} ${labelPart}`.trimEnd(), scored: true };
}

/** Displayed text of a model cell (a formula's result). */
export function modelCellText(v: CellValue): string {
  return isFormula(v) ? v.result : v === null ? "" : String(v);
}

/** The rendered sheet as the reader sees it (formulas by their result), without any file in between. */
export function modelGrid(model: SheetModel): CellGrid {
  const grid = arrayGrid(
    model.name,
    model.values.map((row) => row.map((v) => (isFormula(v) ? v.result : v))),
    model.merges
  );
  // Number formats as the writers store them: each style's, then a kept cell's own.
  let formats: (string | undefined)[][] | null = null;
  grid.numFmt = (r, c) => {
    if (!formats) {
      const f: (string | undefined)[][] = Array.from({ length: model.rowCount }, () => []);
      for (const { range, style } of model.styles) {
        const code = STYLES[style].numFmt;
        if (!code) continue;
        for (let y = range.r1; y <= range.r2; y++)
          for (let x = range.c1; x <= range.c2; x++) f[y - 1][x - 1] = code;
      }
      for (const k of model.numFmts ?? []) f[k.row - 1][k.col - 1] = k.numFmt;
      formats = f;
    }
    return formats[r - 1]?.[c - 1] ?? null;
  };
  // Heights, widths and breaks as the writers store them (each row's height its own).
  grid.geometry = {
    rowHeight: (r) => ({ pt: model.rowHeights[r - 1]?.pt ?? 15, auto: false }),
    colWidth: (c) => model.columnWidths[c - 1] ?? 8.43,
    breaksBefore: model.print.breaksBefore,
  };
  return grid;
}
