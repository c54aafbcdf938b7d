/**
 * The form as a workbook the central office edits: ONE description of its sheets (which property
 * rows, which item columns, which corrections columns) from which the writer's model
 * (`formBookModel`, written by xlsx/write/formBook.ts) and the importer (`formFromBook` in
 * formBookImport.ts, over cells read by xlsx/read) both derive. Pure: no ExcelJS, no Node, so the pane can import an edited form.
 */
import { addr } from "../layout/a1";
import { rowHeights } from "../layout/heights";
import { FONT } from "../layout/spec";
import { foldKey, Msg, msg } from "../text";
import { FormDefJson, ToolId } from "./schema";

export type Item = FormDefJson["tools"][number]["indicators"][number]["items"][number];
export type Correction = NonNullable<FormDefJson["corrections"]>[number];

export const TOOL_IDS: readonly ToolId[] = ["IIT", "EIT", "OIT"];
export const TOOL_LETTER: Record<ToolId, string> = { IIT: "I", EIT: "E", OIT: "O" };
export const COLUMN_KEYS = ["item", "issue", "measures", "results", "evidence"] as const;
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
    key: "previous.formId",
    label: msg("รหัสแบบฟอร์มก่อนหน้า (ไม่บังคับ)", "Previous form id (optional)"),
    kind: "optionalText",
    path: ["previous", "formId"],
    hint: msg(
      "แบบฟอร์มที่คอลัมน์ต่อจากข้อของแบบฟอร์มก่อนหน้าในชีตข้อคำถามอ้างถึง",
      "the form the items sheet's previous-form column refers to"
    ),
  },
  {
    key: "previous.version",
    label: msg("รุ่นของแบบฟอร์มก่อนหน้า (ไม่บังคับ)", "Previous form version (optional)"),
    kind: "optionalText",
    path: ["previous", "version"],
    hint: msg("ปี.ลำดับ เช่น 2567.1", "year.number, e.g. 2567.1"),
  },
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
  /** A book without this column (written before it existed) reads as if it were empty. */
  optional?: boolean;
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
  | "group"
  | "previous";

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
  {
    key: "previous",
    header: msg(
      "ต่อจากข้อของแบบฟอร์มก่อนหน้า (ว่าง: รหัสเดียวกัน, -: ข้อใหม่)",
      "Continues the previous form's items (empty: same code, -: new item)"
    ),
    width: 20,
    optional: true,
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
    "ข้อที่เปลี่ยนรหัส แยก หรือรวมจากแบบฟอร์มก่อนหน้า: ใส่รหัสข้อเดิมในคอลัมน์ต่อจากข้อของแบบฟอร์มก่อนหน้า (หลายข้อคั่นด้วยจุลภาค เทียบกับค่าเฉลี่ย) และรหัสกับรุ่นของแบบฟอร์มก่อนหน้าในชีตแบบฟอร์ม เพื่อใช้เปรียบเทียบกับปีก่อน",
    "An item renumbered, split or merged from the previous form: put the previous codes in the previous-form column (several comma separated: compared with their mean), and the previous form's id and version on the Form sheet, for comparing with last year"
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
  /** "" when the problem is a sheet missing (named in the message). */
  sheet: string;
  /** A1 address, or "" when the problem is the sheet itself. */
  cell: string;
  problem: Msg;
}

const header = (h: Msg) => `${h.th}\n${h.en}`;
const CELL_MAX = 32767;

function toolOf(form: FormDefJson, id: ToolId) {
  return form.tools.find((t) => t.id === id);
}

function propertyValue(form: FormDefJson, spec: PropertySpec): BookValue {
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

/** The range of an OIT row from its code (`O1-O22` → 1…22); undefined for a single item. */
export const rangeOf = (code: string) => {
  const m = /^O(\d+)-O(\d+)$/.exec(code);
  return m ? { from: Number(m[1]), to: Number(m[2]) } : undefined;
};

/**
 * The sheets of a form's book, or the problems that keep a form from being written as one (a
 * measure holding a line break, an item range other than its code says, a text over a cell's size).
 */
export function formBookModel(
  form: FormDefJson
): { sheets: BookSheetModel[]; problems: [] } | { sheets: null; problems: BookProblem[] } {
  const problems: BookProblem[] = [];
  const itemsName = bookSheetName("items");
  const rows: BookValue[][] = [];
  const mapped = form.previous?.items ?? {};
  const inForm = new Set(
    form.tools.flatMap((t) => t.indicators.flatMap((i) => i.items.map((x) => x.code)))
  );
  for (const code of Object.keys(mapped))
    if (!inForm.has(code))
      problems.push({
        sheet: itemsName,
        cell: "",
        problem: msg(
          `ข้อ ${code} ที่ระบุข้อของแบบฟอร์มก่อนหน้าไม่มีในแบบฟอร์มนี้`,
          `item ${code}, which names the previous form's items, is not in this form`
        ),
      });
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
          previous: Object.prototype.hasOwnProperty.call(mapped, it.code)
            ? mapped[it.code].join(", ") || "-"
            : null,
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

/** `ชีต "ข้อคำถาม Items" เซลล์ F12: …` / `sheet "…", cell F12: …` */
export function bookProblemText(file: string, p: BookProblem): Msg {
  if (!p.sheet) return msg(`${file}: ${p.problem.th}`, `${file}: ${p.problem.en}`);
  // The weights' sum is at three cells: `cells B11, B14, B17`.
  const cells = p.cell.includes(",") ? "cells" : "cell";
  const where = p.cell
    ? msg(
        `${file} ชีต "${p.sheet}" เซลล์ ${p.cell}`,
        `${file}, sheet "${p.sheet}", ${cells} ${p.cell}`
      )
    : msg(`${file} ชีต "${p.sheet}"`, `${file}, sheet "${p.sheet}"`);
  return msg(`${where.th}: ${p.problem.th}`, `${where.en}: ${p.problem.en}`);
}

/**
 * A form file's text as the bundled files are laid out (prettier's JSON: objects one key a line,
 * a list of plain values on one line when it fits in 100 columns), so a new file diffs cleanly.
 */
export function formFileText(form: FormDefJson): string {
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

/**
 * Whether a workbook's sheets are a form book's (the sheets "แบบฟอร์ม Form" and "ข้อคำถาม Items", by
 * any of their names): a file to import as a form, not a unit's report.
 */
export function isFormBookSheets(names: readonly string[]): boolean {
  const has = (k: BookSheetKey) => {
    const wanted = [bookSheetName(k), BOOK_SHEETS[k].th, BOOK_SHEETS[k].en].map(foldKey);
    return names.some((n) => wanted.includes(foldKey(n)));
  };
  return has("properties") && has("items");
}
