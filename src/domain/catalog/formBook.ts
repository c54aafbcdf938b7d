/**
 * The form as a workbook the central office edits: ONE description of its sheets (which property
 * rows, which item columns, which corrections columns) from which the writer's model
 * (`formBookModel`, written by xlsx/write/formBook.ts) and the importer (`formFromBook`, over cells
 * read by xlsx/read) both derive. Pure: no ExcelJS, no Node, so the pane can import an edited form.
 */
import { z } from "zod";
import { addr } from "../layout/a1";
import { rowHeights } from "../layout/heights";
import { FONT } from "../layout/spec";
import { CellGrid, GridCell, mergeResolver } from "../layout/grid";
import { cleanText, foldKey, Msg, msg, thaiDigitsToAscii } from "../text";
import { normalizeCode } from "../codes";
import { crossItemProblems, jsonPath, WEIGHTS_PATH } from "./catalog";
import { FormFile, formFileSchema, ToolId } from "./schema";

type Item = FormFile["tools"][number]["indicators"][number]["items"][number];
type Correction = NonNullable<FormFile["corrections"]>[number];

export const TOOL_IDS: readonly ToolId[] = ["IIT", "EIT", "OIT"];
const TOOL_LETTER: Record<ToolId, string> = { IIT: "I", EIT: "E", OIT: "O" };
const COLUMN_KEYS = ["item", "issue", "measures", "results", "evidence"] as const;
type ColumnKey = (typeof COLUMN_KEYS)[number];

/** The sheets of the book; a sheet is found by this name, its Thai part or its English part. */
export const BOOK_SHEETS = {
  guide: msg("วิธีใช้", "How to"),
  properties: msg("แบบฟอร์ม", "Form"),
  items: msg("ข้อคำถาม", "Items"),
  corrections: msg("แก้คำผิด", "Corrections"),
} as const;
export type BookSheetKey = keyof typeof BOOK_SHEETS;
export const bookSheetName = (k: BookSheetKey) => `${BOOK_SHEETS[k].th} ${BOOK_SHEETS[k].en}`;

// ---------------------------------------------------------------------------------------------
// Properties: one row per value, found by its key (the label is for people).

type PropertyKind = "text" | "optionalText" | "version" | "integer" | "number" | "rounds";

/** Where a property lives in the form file: a path, with `tool:IIT` standing for that tool. */
export interface PropertySpec {
  key: string;
  label: Msg;
  kind: PropertyKind;
  path: readonly string[];
  hint?: Msg;
}

const toolProps = (id: ToolId): PropertySpec[] => [
  {
    key: `tools.${id}.name.th`,
    label: msg(`ชื่อแบบวัด ${id} (ไทย)`, `${id} tool name (Thai)`),
    kind: "text",
    path: [`tool:${id}`, "name", "th"],
  },
  {
    key: `tools.${id}.name.en`,
    label: msg(`ชื่อแบบวัด ${id} (อังกฤษ)`, `${id} tool name (English)`),
    kind: "text",
    path: [`tool:${id}`, "name", "en"],
  },
  {
    key: `tools.${id}.weight`,
    label: msg(`น้ำหนักแบบวัด ${id} (ร้อยละ)`, `${id} weight (percent)`),
    kind: "number",
    path: [`tool:${id}`, "weight"],
    hint: msg("น้ำหนักสามแบบวัดรวมกันได้ 100", "the three weights add up to 100"),
  },
];

const columnProps = (k: ColumnKey, label: Msg): PropertySpec[] => [
  {
    key: `columns.${k}.th`,
    label: msg(`หัวคอลัมน์ "${label.th}" (ไทย)`, `Column header "${label.en}" (Thai)`),
    kind: "text",
    path: ["columns", k, "th"],
  },
  {
    key: `columns.${k}.en`,
    label: msg(`หัวคอลัมน์ "${label.th}" (อังกฤษ)`, `Column header "${label.en}" (English)`),
    kind: "text",
    path: ["columns", k, "en"],
  },
];

export const PROPERTY_ROWS: readonly PropertySpec[] = [
  {
    key: "formId",
    label: msg("รหัสแบบฟอร์ม", "Form id"),
    kind: "text",
    path: ["formId"],
    hint: msg("อักษร a–z ตัวเลข และ -", "letters a–z, digits and -"),
  },
  {
    key: "version",
    label: msg("รุ่นของแบบฟอร์ม", "Form version"),
    kind: "version",
    path: ["version"],
    hint: msg("ปี.ลำดับ เช่น 2568.1", "year.number, e.g. 2568.1"),
  },
  {
    key: "fiscalYear",
    label: msg("ปีงบประมาณ (พ.ศ.)", "Fiscal year (B.E.)"),
    kind: "integer",
    path: ["fiscalYear"],
  },
  {
    key: "passMark",
    label: msg("เกณฑ์ผ่าน (คะแนน)", "Pass mark (score)"),
    kind: "number",
    path: ["passMark"],
  },
  {
    key: "rounds",
    label: msg("รอบการรายงาน (เดือน)", "Reporting rounds (months)"),
    kind: "rounds",
    path: ["rounds"],
    hint: msg("6 และ/หรือ 12 คั่นด้วยจุลภาค เช่น 6, 12", "6 and/or 12, comma separated, e.g. 6, 12"),
  },
  {
    key: "title.th",
    label: msg("ชื่อแบบรายงาน (ไทย)", "Title (Thai)"),
    kind: "text",
    path: ["title", "th"],
  },
  {
    key: "title.en",
    label: msg("ชื่อแบบรายงาน (อังกฤษ)", "Title (English)"),
    kind: "text",
    path: ["title", "en"],
  },
  ...TOOL_IDS.flatMap(toolProps),
  ...columnProps("item", msg("ประเด็นการประเมิน", "Assessment item")),
  ...columnProps("issue", msg("ประเด็นที่ต้องปรับปรุง", "Issue")),
  ...columnProps("measures", msg("มาตรการ", "Measures")),
  ...columnProps("results", msg("ผลการดำเนินการ", "Results")),
  ...columnProps("evidence", msg("หลักฐาน", "Evidence")),
  {
    key: "$comment",
    label: msg("หมายเหตุ (ไม่บังคับ)", "Note (optional)"),
    kind: "optionalText",
    path: ["$comment"],
  },
];

export interface BookColumn<K extends string> {
  key: K;
  header: Msg;
  width: number;
  /**
   * A cell merged over several rows (a person merging an indicator's cells for looks) stands for
   * each of them. Columns without it read the rows under a merged cell as empty: merged measures
   * are the group's, shared by the rows that name the group.
   */
  spans?: boolean;
}

export const PROPERTY_COLUMNS: readonly BookColumn<"label" | "value" | "key">[] = [
  { key: "label", header: msg("รายการ", "Property"), width: 40 },
  { key: "value", header: msg("ค่า", "Value"), width: 80 },
  { key: "key", header: msg("คีย์ (ห้ามแก้)", "Key (do not edit)"), width: 30 },
];

// ---------------------------------------------------------------------------------------------
// Items: a header row and one row per item, in the order of the form.

export type ItemColumnKey =
  | "tool"
  | "indicator"
  | "indicatorTh"
  | "indicatorEn"
  | "code"
  | "text"
  | "issue"
  | "measures"
  | "group";

export const ITEM_COLUMNS: readonly BookColumn<ItemColumnKey>[] = [
  { key: "tool", header: msg("แบบวัด", "Tool"), width: 9, spans: true },
  { key: "indicator", header: msg("ตัวชี้วัดที่", "Indicator no."), width: 11, spans: true },
  {
    key: "indicatorTh",
    header: msg("ชื่อตัวชี้วัด (ไทย)", "Indicator name (Thai)"),
    width: 20,
    spans: true,
  },
  {
    key: "indicatorEn",
    header: msg("ชื่อตัวชี้วัด (อังกฤษ)", "Indicator name (English)"),
    width: 20,
    spans: true,
  },
  { key: "code", header: msg("รหัสข้อ", "Code"), width: 10 },
  { key: "text", header: msg("ข้อคำถาม", "Question"), width: 50 },
  { key: "issue", header: msg("ประเด็นที่ต้องปรับปรุง", "Issue to improve"), width: 45 },
  {
    key: "measures",
    header: msg("มาตรการมาตรฐาน (บรรทัดละหนึ่งมาตรการ)", "Standard measures (one per line)"),
    width: 70,
  },
  {
    key: "group",
    header: msg("กลุ่มมาตรการ (ใช้มาตรการของข้อ)", "Measure group (uses the measures of)"),
    width: 16,
    spans: true,
  },
];

export const CORRECTION_COLUMNS: readonly BookColumn<keyof Correction>[] = [
  { key: "code", header: msg("รหัสข้อ", "Code"), width: 10 },
  { key: "field", header: msg("ช่อง (text/issue/standardMeasures)", "Field"), width: 20 },
  { key: "from", header: msg("ข้อความเดิม", "Text as the source had it"), width: 40 },
  { key: "to", header: msg("ข้อความที่แก้", "Text now"), width: 40 },
  { key: "why", header: msg("เหตุผล", "Why"), width: 40 },
];

/** How to edit the book, shown on its first sheet. */
export const GUIDE: readonly Msg[] = [
  msg("แบบฟอร์มรายงาน ITA สำหรับแก้ไขใน Excel", "The ITA reporting form, to edit in Excel"),
  msg(
    `ชีต "${bookSheetName("properties")}": แก้ค่าในคอลัมน์ "ค่า" (รุ่น ปีงบประมาณ ชื่อ น้ำหนัก เกณฑ์ผ่าน รอบ) อย่าแก้คอลัมน์ "คีย์"`,
    `Sheet "${bookSheetName("properties")}": edit the Value column (version, fiscal year, title, weights, pass mark, rounds); leave the Key column as it is`
  ),
  msg(
    `ชีต "${bookSheetName("items")}": หนึ่งแถวต่อหนึ่งข้อ ตามลำดับในแบบฟอร์ม เพิ่มข้อได้โดยแทรกแถว ข้อของตัวชี้วัดเดียวกันต้องอยู่ติดกัน`,
    `Sheet "${bookSheetName("items")}": one row per item, in the order of the form; insert a row to add an item; the items of an indicator stay together`
  ),
  msg(
    "มาตรการมาตรฐาน: บรรทัดละหนึ่งมาตรการ (Alt+Enter ขึ้นบรรทัดใหม่) ข้อที่ใช้มาตรการร่วมกับข้อก่อนหน้า ให้เว้นช่องมาตรการว่างและใส่รหัสข้อนั้นในช่องกลุ่มมาตรการ",
    "Standard measures: one per line (Alt+Enter for a new line); an item sharing the measures of an earlier item leaves its measures empty and names that item in Measure group"
  ),
  msg(
    "เสร็จแล้วบันทึกไฟล์ และสร้างไฟล์แบบฟอร์มด้วย: ita form import FILE.xlsx -o FORM.json",
    "When done, save and make the form file with: ita form import FILE.xlsx -o FORM.json"
  ),
];

// ---------------------------------------------------------------------------------------------
// The model the writer writes.

export type BookValue = string | number | null;

export interface BookSheetModel {
  key: BookSheetKey;
  name: string;
  columns: { header: string; width: number }[];
  /** Rows under the header row. */
  rows: BookValue[][];
  /** Rows frozen at the top (the header), columns frozen at the left. */
  freeze: { rows: number; cols: number };
  /**
   * Each row's height in points, the header's first: wrapped text is laid out by us (LibreOffice
   * keeps stored heights; Excel re-fits the rows, which are not marked custom).
   */
  heights: number[];
}

/** A problem of a form that the book cannot hold, or of a book that is not a form. */
export interface BookProblem {
  sheet: string;
  /** A1 address, or "" when the problem is the sheet itself. */
  cell: string;
  problem: Msg;
}

const header = (h: Msg) => `${h.th}\n${h.en}`;
const CELL_MAX = 32767;

function toolOf(form: FormFile, id: ToolId) {
  return form.tools.find((t) => t.id === id);
}

function propertyValue(form: FormFile, spec: PropertySpec): BookValue {
  let v: unknown = form;
  for (const step of spec.path) {
    if (v === undefined || v === null) return null;
    v = step.startsWith("tool:")
      ? toolOf(form, step.slice(5) as ToolId)
      : (v as Record<string, unknown>)[step];
  }
  if (v === undefined || v === null) return null;
  if (Array.isArray(v)) return v.join(", ");
  return typeof v === "number" ? v : String(v);
}

const rangeOf = (code: string) => {
  const m = /^O(\d+)-O(\d+)$/.exec(code);
  return m ? { from: Number(m[1]), to: Number(m[2]) } : undefined;
};

/**
 * The sheets of a form's book, or the problems that keep a form from being written as one (a
 * measure holding a line break, an item range other than its code says, a text over a cell's size).
 */
export function formBookModel(
  form: FormFile
): { sheets: BookSheetModel[]; problems: [] } | { sheets: null; problems: BookProblem[] } {
  const problems: BookProblem[] = [];
  const itemsName = bookSheetName("items");
  const rows: BookValue[][] = [];
  for (const t of form.tools)
    for (const ind of t.indicators)
      for (const it of ind.items) {
        const at = (k: ItemColumnKey) =>
          addr(rows.length + 2, ITEM_COLUMNS.findIndex((c) => c.key === k) + 1);
        const r = rangeOf(it.code);
        if (JSON.stringify(r) !== JSON.stringify(it.range))
          problems.push({
            sheet: itemsName,
            cell: at("code"),
            problem: msg(
              `ข้อ ${it.code}: ช่วงข้อ (range) ไม่ตรงกับรหัสข้อ`,
              `item ${it.code}: its range does not match its code`
            ),
          });
        if (it.standardMeasures?.some((m) => /[\r\n]/.test(m)))
          problems.push({
            sheet: itemsName,
            cell: at("measures"),
            problem: msg(
              `ข้อ ${it.code}: มาตรการมีการขึ้นบรรทัดใหม่ ซึ่งในสมุดงานใช้แบ่งมาตรการ`,
              `item ${it.code}: a measure holds a line break, which the book uses between measures`
            ),
          });
        const values: Record<ItemColumnKey, BookValue> = {
          tool: t.id,
          indicator: ind.number,
          indicatorTh: ind.name.th,
          indicatorEn: ind.name.en,
          code: it.code,
          text: it.text ?? null,
          issue: it.issue,
          measures: it.standardMeasures ? it.standardMeasures.join("\n") : null,
          group: it.standardMeasures ? it.code : (it.measuresFrom ?? null),
        };
        for (const c of ITEM_COLUMNS) {
          const v = values[c.key];
          if (typeof v === "string" && v.length > CELL_MAX)
            problems.push({
              sheet: itemsName,
              cell: at(c.key),
              problem: msg(
                `ข้อ ${it.code}: ข้อความยาวเกิน ${CELL_MAX} ตัวอักษรที่เซลล์หนึ่งรับได้`,
                `item ${it.code}: a text longer than the ${CELL_MAX} characters a cell holds`
              ),
            });
        }
        rows.push(ITEM_COLUMNS.map((c) => values[c.key]));
      }
  if (problems.length) return { sheets: null, problems };
  const cols = <K extends string>(list: readonly BookColumn<K>[]) =>
    list.map((c) => ({ header: header(c.header), width: c.width }));
  const sheets: Omit<BookSheetModel, "heights">[] = [
    {
      key: "guide",
      name: bookSheetName("guide"),
      columns: [{ header: header(msg("วิธีใช้", "How to")), width: 120 }],
      rows: GUIDE.map((g) => [header(g)]),
      freeze: { rows: 1, cols: 0 },
    },
    {
      key: "properties",
      name: bookSheetName("properties"),
      columns: cols(PROPERTY_COLUMNS),
      rows: PROPERTY_ROWS.map((p) => [header(p.label), propertyValue(form, p), p.key]),
      freeze: { rows: 1, cols: 1 },
    },
    {
      key: "items",
      name: itemsName,
      columns: cols(ITEM_COLUMNS),
      rows,
      freeze: { rows: 1, cols: 5 },
    },
  ];
  if (form.corrections)
    sheets.push({
      key: "corrections",
      name: bookSheetName("corrections"),
      columns: cols(CORRECTION_COLUMNS),
      rows: form.corrections.map((c) => CORRECTION_COLUMNS.map((k) => c[k.key])),
      freeze: { rows: 1, cols: 0 },
    });
  return { sheets: sheets.map(withHeights), problems: [] };
}

function withHeights(s: Omit<BookSheetModel, "heights">): BookSheetModel {
  const cellText = (r: number, c: number) => {
    const v = r === 1 ? s.columns[c - 1].header : s.rows[r - 2][c - 1];
    return v === null ? "" : String(v);
  };
  const heights = rowHeights({
    rowCount: s.rows.length + 1,
    text: cellText,
    font: (r) => ({ size: FONT.size, bold: r === 1 }),
    columnWidths: s.columns.map((c) => c.width),
    merges: [],
  }).map((h) => h.pt);
  return { ...s, heights };
}

// ---------------------------------------------------------------------------------------------
// The importer: the cells back to a form file, every problem with its sheet and cell.

const HEADER_SCAN_ROWS = 10;

function findSheet(grids: readonly CellGrid[], key: BookSheetKey): CellGrid | null {
  const names = [bookSheetName(key), BOOK_SHEETS[key].th, BOOK_SHEETS[key].en].map(foldKey);
  return grids.find((g) => names.includes(foldKey(g.name))) ?? null;
}

const lines = (v: GridCell) =>
  typeof v === "string" ? cleanText(v).split("\n").map(foldKey).filter(Boolean) : [];

/** The header row and each column's position; the columns not found. */
function findColumns<K extends string>(
  grid: CellGrid,
  list: readonly BookColumn<K>[]
): { row: number; col: Record<K, number>; missing: BookColumn<K>[] } {
  let best = { row: 1, col: {} as Record<K, number>, missing: [...list] };
  for (let r = 1; r <= Math.min(grid.rowCount, HEADER_SCAN_ROWS); r++) {
    const col = {} as Record<K, number>;
    for (let c = 1; c <= grid.colCount; c++) {
      const ls = lines(grid.raw(r, c));
      const spec = list.find(
        (s) =>
          !(s.key in col) &&
          (ls.includes(foldKey(s.header.th)) || ls.includes(foldKey(s.header.en)))
      );
      if (spec) col[spec.key] = c;
    }
    const missing = list.filter((s) => !(s.key in col));
    if (missing.length < best.missing.length) best = { row: r, col, missing };
    if (!missing.length) break;
  }
  return best;
}

const text = (v: GridCell): string =>
  v === null ? "" : typeof v === "string" ? cleanText(v) : String(v);

/** A number typed as a number or as text (Thai digits too); null when it is not one. */
function numberOf(v: GridCell): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  const s = thaiDigitsToAscii(text(v));
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : null;
}

const notEmpty = msg("ต้องไม่ว่าง", "must not be empty");

/** Thai and English for what zod found; the English names the check zod made. */
function zodProblem(issue: z.core.$ZodIssue): Msg {
  const i = issue as z.core.$ZodIssue & {
    expected?: string;
    minimum?: number | bigint;
    maximum?: number | bigint;
    origin?: string;
    values?: unknown[];
    keys?: string[];
  };
  switch (i.code) {
    case "too_small":
      if (i.origin === "string") return notEmpty;
      if (i.origin === "array")
        return msg(`ต้องมีอย่างน้อย ${i.minimum} รายการ`, `needs at least ${i.minimum} entries`);
      return msg(`ต้องไม่น้อยกว่า ${i.minimum}`, `must be at least ${i.minimum}`);
    case "too_big":
      if (i.origin === "array")
        return msg(`มีได้ไม่เกิน ${i.maximum} รายการ`, `at most ${i.maximum} entries`);
      return msg(`ต้องไม่เกิน ${i.maximum}`, `must be at most ${i.maximum}`);
    case "invalid_type":
      return msg(`ชนิดของค่าไม่ถูกต้อง (ต้องเป็น ${i.expected})`, `expected ${i.expected}`);
    case "invalid_format":
      return msg("รูปแบบไม่ถูกต้อง", "wrong format");
    case "invalid_value":
    case "invalid_union":
      return msg("ไม่ใช่ค่าที่ใช้ได้", "not one of the values allowed");
    case "unrecognized_keys":
      return msg(`มีช่องที่ไม่รู้จัก: ${i.keys?.join(", ")}`, `unknown fields: ${i.keys?.join(", ")}`);
    default:
      return msg(`ไม่ถูกต้อง (${i.message})`, `invalid (${i.message})`);
  }
}

interface Place {
  sheet: string;
  cell: string;
  hint?: Msg;
}

/**
 * Read an edited form book (its sheets as cell grids, from xlsx/read or Office.js) into a form file.
 * Everything is checked — the sheets and columns, each value, the zod schema and the cross-item
 * rules — and every problem found is returned with its sheet and cell; the form only when none.
 */
export function formFromBook(
  grids: readonly CellGrid[]
): { form: FormFile; problems: [] } | { form: null; problems: BookProblem[] } {
  const problems: BookProblem[] = [];
  const at = new Map<string, Place>(); // json path → where its value came from
  const add = (sheet: string, cell: string, problem: Msg) =>
    problems.push({ sheet, cell, problem });

  const propsGrid = findSheet(grids, "properties");
  const itemsGrid = findSheet(grids, "items");
  for (const [k, g] of [
    ["properties", propsGrid],
    ["items", itemsGrid],
  ] as const)
    if (!g)
      add(
        bookSheetName(k),
        "",
        msg(
          `ไม่พบชีต "${bookSheetName(k)}" (ชีตที่มี: ${grids.map((x) => x.name).join(", ") || "-"})`,
          `no sheet "${bookSheetName(k)}" (sheets found: ${grids.map((x) => x.name).join(", ") || "-"})`
        )
      );
  if (!propsGrid || !itemsGrid) return { form: null, problems };

  // Properties.
  const draft: Record<string, unknown> = {};
  const toolDraft = new Map<ToolId, Record<string, unknown>>(
    TOOL_IDS.map((id) => [id, { id, name: {} }])
  );
  const columnsDraft: Record<string, Record<string, string>> = {};
  const title: Record<string, string> = {};
  {
    const g = propsGrid;
    const { row: hr, col, missing } = findColumns(g, PROPERTY_COLUMNS);
    const need = missing.filter((m) => m.key !== "label");
    for (const m of need)
      add(
        g.name,
        addr(hr, 1),
        msg(`ไม่พบหัวคอลัมน์ "${m.header.th}"`, `no column headed "${m.header.en}"`)
      );
    if (!need.length) {
      const seen = new Map<string, string>();
      for (let r = hr + 1; r <= g.rowCount; r++) {
        const keyCell = addr(r, col.key);
        const key = text(g.raw(r, col.key));
        const raw = g.raw(r, col.value);
        const cell = addr(r, col.value);
        if (!key) {
          if (text(raw))
            add(g.name, keyCell, msg("แถวนี้มีค่าแต่ไม่มีคีย์", "this row has a value but no key"));
          continue;
        }
        const spec = PROPERTY_ROWS.find((p) => p.key === key);
        if (!spec) {
          add(g.name, keyCell, msg(`ไม่รู้จักคีย์ "${key}"`, `unknown key "${key}"`));
          continue;
        }
        if (seen.has(key)) {
          add(
            g.name,
            keyCell,
            msg(`คีย์ "${key}" ซ้ำกับเซลล์ ${seen.get(key)}`, `key "${key}" repeats ${seen.get(key)}`)
          );
          continue;
        }
        seen.set(key, keyCell);
        const bad = (p: Msg) =>
          add(
            g.name,
            cell,
            spec.hint ? msg(`${p.th} (${spec.hint.th})`, `${p.en} (${spec.hint.en})`) : p
          );
        let value: unknown;
        const s = text(raw);
        switch (spec.kind) {
          case "text":
          case "version":
            if (!s) bad(notEmpty);
            value = s;
            break;
          case "optionalText":
            value = s || undefined;
            break;
          case "integer":
          case "number": {
            const n = numberOf(raw);
            if (n === null || (spec.kind === "integer" && !Number.isInteger(n)))
              bad(
                spec.kind === "integer"
                  ? msg("ต้องเป็นจำนวนเต็ม", "must be a whole number")
                  : msg("ต้องเป็นตัวเลข", "must be a number")
              );
            value = n ?? undefined;
            break;
          }
          case "rounds": {
            const parts = thaiDigitsToAscii(s)
              .split(/[\s,;]+/)
              .filter(Boolean);
            if (!parts.length || parts.some((p) => !/^\d+$/.test(p)))
              bad(msg("ต้องเป็นรายการตัวเลข", "must be a list of numbers"));
            value = parts.map(Number);
            break;
          }
        }
        const place = { sheet: g.name, cell, hint: spec.hint };
        const [head, ...rest] = spec.path;
        if (head.startsWith("tool:")) {
          const id = head.slice(5) as ToolId;
          const t = toolDraft.get(id)!;
          if (rest[0] === "name") (t.name as Record<string, unknown>)[rest[1]] = value;
          else t[rest[0]] = value;
          at.set(`tool:${id}.${rest.join(".")}`, place);
        } else if (head === "columns") {
          (columnsDraft[rest[0]] ??= {})[rest[1]] = value as string;
          at.set(`columns.${rest.join(".")}`, place);
        } else if (head === "title") {
          title[rest[0]] = value as string;
          at.set(`title.${rest[0]}`, place);
        } else {
          if (value !== undefined) draft[head] = value;
          at.set(head, place);
        }
      }
      for (const p of PROPERTY_ROWS)
        if (!seen.has(p.key) && p.kind !== "optionalText")
          add(
            g.name,
            "",
            msg(
              `ไม่มีแถวของ "${p.label.th}" (คีย์ ${p.key})`,
              `no row for "${p.label.en}" (key ${p.key})`
            )
          );
    }
  }

  // Items.
  interface IndicatorDraft {
    number: number;
    name: { th: string; en: string };
    items: Item[];
    place: Place;
    nameCells: { th: string; en: string };
  }
  const toolBlocks: { id: ToolId; indicators: IndicatorDraft[] }[] = [];
  const itemPlaces: { code: Place; group: Place | null; row: Record<ItemColumnKey, Place> }[] = [];
  {
    const g = itemsGrid;
    const { row: hr, col, missing } = findColumns(g, ITEM_COLUMNS);
    for (const m of missing)
      add(
        g.name,
        addr(hr, 1),
        msg(`ไม่พบหัวคอลัมน์ "${m.header.th}"`, `no column headed "${m.header.en}"`)
      );
    if (!missing.length) {
      const resolve = mergeResolver(g);
      const spanning = new Set(ITEM_COLUMNS.filter((c) => c.spans).map((c) => c.key));
      const closedTools = new Set<ToolId>();
      const codes = new Map<string, { cell: string; own: boolean }>();
      const groupRefs: { code: string; group: string; cell: string }[] = [];
      let tool: (typeof toolBlocks)[number] | null = null;
      let ind: IndicatorDraft | null = null;
      for (let r = hr + 1; r <= g.rowCount; r++) {
        const v = (k: ItemColumnKey) => {
          if (!spanning.has(k)) return g.raw(r, col[k]);
          const top = resolve(r, col[k]);
          return top.col === col[k] ? g.raw(top.row, top.col) : g.raw(r, col[k]);
        };
        const cell = (k: ItemColumnKey) => addr(r, col[k]);
        if (ITEM_COLUMNS.every((c) => !text(v(c.key)))) continue;
        const bad = (k: ItemColumnKey, p: Msg) => add(g.name, cell(k), p);
        const place = (k: ItemColumnKey): Place => ({ sheet: g.name, cell: cell(k) });
        // Tool and indicator: each a block of rows.
        const toolId = text(v("tool")).toUpperCase() as ToolId;
        if (!TOOL_IDS.includes(toolId)) {
          bad("tool", msg("แบบวัดต้องเป็น IIT, EIT หรือ OIT", "the tool must be IIT, EIT or OIT"));
          continue;
        }
        if (!tool || tool.id !== toolId) {
          if (tool) closedTools.add(tool.id);
          if (closedTools.has(toolId))
            bad(
              "tool",
              msg(
                `ข้อของแบบวัด ${toolId} ต้องอยู่ติดกัน (มีแถวของแบบวัดอื่นคั่น)`,
                `the rows of ${toolId} must stay together (rows of another tool come between)`
              )
            );
          tool = toolBlocks.find((b) => b.id === toolId) ?? null;
          if (!tool) toolBlocks.push((tool = { id: toolId, indicators: [] }));
          ind = null;
        }
        const number = numberOf(v("indicator"));
        if (number === null || !Number.isInteger(number) || number < 1) {
          bad(
            "indicator",
            msg("ตัวชี้วัดที่ต้องเป็นจำนวนเต็มบวก", "the indicator number must be a whole number from 1")
          );
          continue;
        }
        const nameTh = text(v("indicatorTh"));
        const nameEn = text(v("indicatorEn"));
        if (!ind || ind.number !== number) {
          const other = [...toolBlocks]
            .flatMap((b) => b.indicators)
            .find((i) => i.number === number);
          if (other)
            bad(
              "indicator",
              msg(
                `ตัวชี้วัดที่ ${number} อยู่ที่ ${other.place.cell} แล้ว: ข้อของตัวชี้วัดเดียวกันต้องอยู่ติดกันภายใต้แบบวัดเดียว`,
                `indicator ${number} is already at ${other.place.cell}: the items of an indicator stay together, under one tool`
              )
            );
          ind = {
            number,
            name: { th: nameTh, en: nameEn },
            items: [],
            place: place("indicator"),
            nameCells: { th: cell("indicatorTh"), en: cell("indicatorEn") },
          };
          tool.indicators.push(ind);
          if (!nameTh)
            bad("indicatorTh", msg("ชื่อตัวชี้วัดต้องไม่ว่าง", "the indicator name must not be empty"));
          if (!nameEn)
            bad("indicatorEn", msg("ชื่อตัวชี้วัดต้องไม่ว่าง", "the indicator name must not be empty"));
        } else {
          for (const [k, name, first] of [
            ["indicatorTh", nameTh, ind.name.th],
            ["indicatorEn", nameEn, ind.name.en],
          ] as const)
            if (name && name !== first)
              bad(
                k,
                msg(
                  `ชื่อตัวชี้วัดที่ ${number} ไม่ตรงกับแถวแรกของตัวชี้วัดนี้ (${k === "indicatorTh" ? ind.nameCells.th : ind.nameCells.en})`,
                  `the name of indicator ${number} differs from its first row (${k === "indicatorTh" ? ind.nameCells.th : ind.nameCells.en})`
                )
              );
        }
        // The item.
        const rawCode = text(v("code"));
        const code = normalizeCode(rawCode);
        if (!code) {
          bad(
            "code",
            rawCode
              ? msg(
                  `รหัสข้อ "${rawCode}" ไม่ถูกต้อง (เช่น I1, E16, O1-O22)`,
                  `"${rawCode}" is not an item code (e.g. I1, E16, O1-O22)`
                )
              : msg("รหัสข้อต้องไม่ว่าง", "the item code must not be empty")
          );
          continue;
        }
        if (code[0] !== TOOL_LETTER[toolId])
          bad(
            "code",
            msg(
              `รหัสข้อ ${code} ไม่ใช่ของแบบวัด ${toolId} (ขึ้นต้นด้วย ${TOOL_LETTER[toolId]})`,
              `${code} is not a code of ${toolId} (which start with ${TOOL_LETTER[toolId]})`
            )
          );
        const range = rangeOf(code);
        if (range && range.from > range.to)
          bad("code", msg(`ช่วงข้อ ${code} กลับด้าน`, `the range ${code} runs backwards`));
        const dup = codes.get(code);
        if (dup)
          bad(
            "code",
            msg(`รหัสข้อ ${code} ซ้ำกับเซลล์ ${dup.cell}`, `item ${code} repeats ${dup.cell}`)
          );
        const question = text(v("text"));
        if (!question && !range)
          bad(
            "text",
            msg(`ข้อ ${code}: ข้อคำถามต้องไม่ว่าง`, `item ${code}: the question must not be empty`)
          );
        const issue = text(v("issue"));
        if (!issue)
          bad(
            "issue",
            msg(`ข้อ ${code}: ประเด็นที่ต้องปรับปรุงต้องไม่ว่าง`, `item ${code}: the issue must not be empty`)
          );
        const measures = text(v("measures"))
          .split("\n")
          .map((m) => m.trim())
          .filter(Boolean);
        const rawGroup = text(v("group"));
        const group = rawGroup ? normalizeCode(rawGroup) : null;
        if (rawGroup && !group)
          bad("group", msg(`"${rawGroup}" ไม่ใช่รหัสข้อ`, `"${rawGroup}" is not an item code`));
        const item: Item = { code, issue };
        if (question) item.text = question;
        if (range) item.range = range;
        let groupPlace: Place | null = null;
        if (measures.length) {
          item.standardMeasures = measures;
          if (group && group !== code)
            bad(
              "group",
              msg(
                `ข้อ ${code} มีมาตรการของตนเอง จึงอ้างกลุ่มมาตรการของข้อ ${group} ไม่ได้ (ลบมาตรการหรือลบกลุ่ม)`,
                `item ${code} has its own measures, so it cannot use those of ${group} (clear one of them)`
              )
            );
        } else if (group && group !== code) {
          item.measuresFrom = group;
          groupPlace = place("group");
          groupRefs.push({ code, group, cell: cell("group") });
        }
        codes.set(code, { cell: cell("code"), own: measures.length > 0 });
        ind.items.push(item);
        itemPlaces.push({
          code: place("code"),
          group: groupPlace,
          row: Object.fromEntries(ITEM_COLUMNS.map((c) => [c.key, place(c.key)])) as Record<
            ItemColumnKey,
            Place
          >,
        });
      }
      for (const ref of groupRefs) {
        const target = codes.get(ref.group);
        if (!target)
          add(
            g.name,
            ref.cell,
            msg(
              `ข้อ ${ref.code}: กลุ่มมาตรการ ${ref.group} ไม่มีในแบบฟอร์ม`,
              `item ${ref.code}: the measure group ${ref.group} is not an item of the form`
            )
          );
        else if (!target.own)
          add(
            g.name,
            ref.cell,
            msg(
              `ข้อ ${ref.code}: ข้อ ${ref.group} ไม่มีมาตรการของตนเอง จึงเป็นกลุ่มมาตรการไม่ได้`,
              `item ${ref.code}: ${ref.group} has no measures of its own, so it is no measure group`
            )
          );
      }
      for (const id of TOOL_IDS)
        if (!toolBlocks.some((b) => b.id === id))
          add(g.name, "", msg(`แบบวัด ${id} ไม่มีข้อคำถามเลย`, `the tool ${id} has no items`));
    }
  }

  // Corrections (an optional sheet).
  let corrections: Correction[] | undefined;
  const corrGrid = findSheet(grids, "corrections");
  if (corrGrid) {
    const g = corrGrid;
    const { row: hr, col, missing } = findColumns(g, CORRECTION_COLUMNS);
    for (const m of missing)
      add(
        g.name,
        addr(hr, 1),
        msg(`ไม่พบหัวคอลัมน์ "${m.header.th}"`, `no column headed "${m.header.en}"`)
      );
    if (!missing.length) {
      corrections = [];
      for (let r = hr + 1; r <= g.rowCount; r++) {
        const values = CORRECTION_COLUMNS.map((c) => text(g.raw(r, col[c.key])));
        if (values.every((x) => !x)) continue;
        const i = corrections.length;
        const c = Object.fromEntries(
          CORRECTION_COLUMNS.map((k, j) => [k.key, values[j]])
        ) as Correction;
        corrections.push(c);
        CORRECTION_COLUMNS.forEach((k) =>
          at.set(`corrections[${i}].${k.key}`, { sheet: g.name, cell: addr(r, col[k.key]) })
        );
      }
    }
  }
  if (problems.length) return { form: null, problems };

  // The form file, keys in the order the bundled files use; then the schema and cross-item rules.
  const tools = toolBlocks.map((b) => {
    const t = toolDraft.get(b.id)!;
    return {
      id: b.id,
      name: t.name as { th: string; en: string },
      weight: t.weight as number,
      indicators: b.indicators.map((i) => ({ number: i.number, name: i.name, items: i.items })),
    };
  });
  const form = {
    ...(draft.$comment !== undefined ? { $comment: draft.$comment } : {}),
    formId: draft.formId,
    version: draft.version,
    fiscalYear: draft.fiscalYear,
    passMark: draft.passMark,
    rounds: draft.rounds,
    title: { th: title.th, en: title.en },
    columns: Object.fromEntries(COLUMN_KEYS.map((k) => [k, columnsDraft[k]])),
    tools,
    ...(corrections ? { corrections } : {}),
  } as unknown as FormFile;

  // Where each path of the form file came from.
  let n = 0;
  tools.forEach((t, ti) => {
    for (const k of ["name.th", "name.en", "weight"])
      at.set(`tools[${ti}].${k}`, at.get(`tool:${t.id}.${k}`)!);
    t.indicators.forEach((ind, ii) => {
      const block = toolBlocks[ti].indicators[ii];
      at.set(`tools[${ti}].indicators[${ii}]`, block.place);
      at.set(`tools[${ti}].indicators[${ii}].number`, block.place);
      at.set(`tools[${ti}].indicators[${ii}].name.th`, {
        sheet: itemsGrid.name,
        cell: block.nameCells.th,
      });
      at.set(`tools[${ti}].indicators[${ii}].name.en`, {
        sheet: itemsGrid.name,
        cell: block.nameCells.en,
      });
      ind.items.forEach((_, k) => {
        const p = itemPlaces[n++];
        const base = `tools[${ti}].indicators[${ii}].items[${k}]`;
        at.set(base, p.code);
        at.set(`${base}.code`, p.code);
        at.set(`${base}.range`, p.code);
        at.set(`${base}.text`, p.row.text);
        at.set(`${base}.issue`, p.row.issue);
        at.set(`${base}.standardMeasures`, p.row.measures);
        if (p.group) at.set(`${base}.measuresFrom`, p.group);
      });
    });
  });
  at.set(WEIGHTS_PATH, {
    sheet: propsGrid.name,
    cell: TOOL_IDS.map((id) => at.get(`tool:${id}.weight`)?.cell ?? "")
      .filter(Boolean)
      .join(", "),
  });
  const placeOf = (path: string): Place => {
    for (let p = path; p; p = p.replace(/(\.[^.[\]]+|\[[^\]]*\])$/, "")) {
      const hit = at.get(p);
      if (hit) return hit;
      if (!/[.[]/.test(p)) break;
    }
    return { sheet: propsGrid.name, cell: "" };
  };
  const placed = (path: string, problem: Msg) => {
    const p = placeOf(path);
    const withHint = p.hint
      ? msg(`${problem.th} (${p.hint.th})`, `${problem.en} (${p.hint.en})`)
      : problem;
    add(p.sheet, p.cell, withHint);
  };
  const parsed = formFileSchema.safeParse(form);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) placed(jsonPath(issue.path), zodProblem(issue));
    return { form: null, problems };
  }
  for (const p of crossItemProblems(parsed.data)) placed(p.path, p.problem);
  if (problems.length) return { form: null, problems };
  return { form, problems: [] };
}

/** `ชีต "ข้อคำถาม Items" เซลล์ F12: …` / `sheet "…", cell F12: …` */
export function bookProblemText(file: string, p: BookProblem): Msg {
  const where = p.cell
    ? msg(`${file} ชีต "${p.sheet}" เซลล์ ${p.cell}`, `${file}, sheet "${p.sheet}", cell ${p.cell}`)
    : msg(`${file} ชีต "${p.sheet}"`, `${file}, sheet "${p.sheet}"`);
  return msg(`${where.th}: ${p.problem.th}`, `${where.en}: ${p.problem.en}`);
}

/**
 * A form file's text as the bundled files are laid out (prettier's JSON: objects one key a line,
 * a list of plain values on one line when it fits in 100 columns), so a new file diffs cleanly.
 */
export function formFileText(form: FormFile): string {
  const WIDTH = 100;
  const fmt = (v: unknown, indent: string, prefix: number): string => {
    if (Array.isArray(v)) {
      if (!v.length) return "[]";
      if (v.every((x) => x === null || typeof x !== "object")) {
        const flat = `[${v.map((x) => JSON.stringify(x)).join(", ")}]`;
        if (prefix + flat.length + 1 <= WIDTH) return flat;
      }
      const inner = indent + "  ";
      return `[\n${v.map((x) => inner + fmt(x, inner, inner.length)).join(",\n")}\n${indent}]`;
    }
    if (v !== null && typeof v === "object") {
      const entries = Object.entries(v).filter(([, x]) => x !== undefined);
      if (!entries.length) return "{}";
      const inner = indent + "  ";
      return `{\n${entries
        .map(([k, x]) => {
          const head = `${inner}${JSON.stringify(k)}: `;
          return head + fmt(x, inner, head.length);
        })
        .join(",\n")}\n${indent}}`;
    }
    return JSON.stringify(v);
  };
  return `${fmt(form, "", 0)}\n`;
}
