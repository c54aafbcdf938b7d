import { FormDef, FormItem } from "../catalog";
import { formDefinitionRows } from "../catalog/embed";
import { CarriedRecord, carriedMarker, carriedRows } from "../carried";
import { Round, roundPeriod } from "../fiscal";
import { Report, ReportItem } from "../report";
import { xmlSafe } from "../text";
import { unitDisplayName, Unit } from "../units";
import { addr, CellRange } from "./a1";
import { CellValue } from "./cells";
import { FlowElement, layoutBody } from "./flow";
import { arrayGrid, CellGrid } from "./grid";
import { Formula, isFormula, itemFormula, scoreSuffix, textLiteral } from "./formula";
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
  OFFICIAL_COLS,
  PASS_MARK_VALIDATION,
  PRINT,
  PROTECTION,
  ROWS,
  SCORE_VALIDATION,
  SHARED_FIELDS,
  StyleName,
} from "./spec";
import { columnWidthPt, wrappedLines } from "./textMetrics";

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

/**
 * Render the form for a unit, optionally filled with a report's values; a report started from an
 * earlier one gives what it carried (`carried`: kept in the metadata, and said by the form marker).
 */
export function renderForm(
  formDef: FormDef,
  meta: FormMeta,
  report?: Report,
  name = defaultSheetName(meta),
  carried?: CarriedRecord
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
    set(m.row, m.col + 1, metaValues[m.key] === "" ? null : metaValues[m.key]);
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

  // Header: the five official column names, and the helper columns' own.
  COLUMNS.forEach((c, i) =>
    set(
      ROWS.header,
      i + 1,
      c.header === "fromForm" ? formDef.columns[c.key as keyof FormDef["columns"]].th : c.header.th
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
  const lines = (v: CellValue, key: (typeof COLUMNS)[number]["key"], bold = false) =>
    wrappedLines(modelCellText(v), widthPt(col(key), col(key)), { size: FONT.size, bold });
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
      for (const segment of measureSegments(ind.items, byCode)) {
        const items = segment.map((item, k) => {
          const cells = itemCells(item, byCode.get(item.code), k === 0);
          // The item text is sized with the longest score it can show: "(100.00 คะแนน)".
          const label = formDef.byCode.get(item.code)!.label;
          return {
            code: item.code,
            cells,
            ownCols: [col("issue")],
            fixedLines: Math.max(1, lines(`${label}${scoreSuffix(100)}`, "item")),
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
      const v = rows[r - 1][col("item") - 1];
      // The item formula names its own row's score cell.
      if (row.kind === "item" && isFormula(v)) {
        const label = segmentLabel(formDef, row.code!);
        const score = byCode.get(row.code!)?.score ?? null;
        set(r, col("item"), itemFormula(label, addr(r, col("score")), score));
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

function segmentLabel(formDef: FormDef, code: string): string {
  return formDef.byCode.get(code)!.label;
}

/** Displayed text of a model cell (a formula's result). */
export function modelCellText(v: CellValue): string {
  return isFormula(v) ? v.result : v === null ? "" : String(v);
}

/** The rendered sheet as the reader sees it (formulas by their result), without any file in between. */
export function modelGrid(model: SheetModel): CellGrid {
  return arrayGrid(
    model.name,
    model.values.map((row) => row.map((v) => (isFormula(v) ? v.result : v))),
    model.merges
  );
}
