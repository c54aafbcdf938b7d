import { formLabel, ToolId } from "../catalog";
import { addr } from "../layout/a1";
import { CellGrid, GridCell } from "../layout/grid";
import { CompareInputError, latestPerUnit, mostCommon, PeriodItem, PeriodScores } from "../compare";
import { MergeResult, unitKey } from "../merge";
import { msg } from "../text";
import { findDistrict, resolveUnit, unitDisplayName } from "../units";
import {
  SUMMARY_FIRST_ROW,
  SUMMARY_HEADER_ROW,
  SUMMARY_SHEETS,
  SummarySheet,
  TableColumn,
  TCell,
} from "./table";

/**
 * The summary's machine-readable data: a hidden sheet with one row per unit and item (long format),
 * so that a later merge can compare with this one (`ita merge --compare`) without knowing how the
 * visible sheets are laid out. This description is the only place that knows the sheet: the writer
 * (`dataSheet`) and the reader (`readSummaryData`) both derive from it; the reader finds columns by
 * their headers and refuses a sheet whose marker (the title cell) it does not know.
 */
export const SUMMARY_DATA = {
  sheet: SUMMARY_SHEETS.data,
  /** The title cell: what makes a workbook a summary written by this program, and its layout version. */
  marker: "ita-summary-data/1",
  markerPrefix: "ita-summary-data/",
  columns: {
    unitCode: { header: "unit_code", kind: "text", width: 10 },
    unit: { header: "unit", kind: "text", width: 30 },
    fiscalYear: { header: "fiscal_year", kind: "number", width: 10 },
    round: { header: "round", kind: "number", width: 8 },
    form: { header: "form", kind: "text", width: 20 },
    passMark: { header: "pass_mark", kind: "score", width: 10 },
    tool: { header: "tool", kind: "text", width: 8 },
    toolWeight: { header: "tool_weight", kind: "score", width: 10 },
    item: { header: "item", kind: "text", width: 10 },
    itemText: { header: "item_text", kind: "text", width: 40 },
    score: { header: "score", kind: "score", width: 10 },
  },
} as const;

type Key = keyof typeof SUMMARY_DATA.columns;
const KEYS = Object.keys(SUMMARY_DATA.columns) as Key[];
const TOOLS: readonly ToolId[] = ["IIT", "EIT", "OIT"];
const ITEM_CODE = /^([IE]\d{1,3}|O\d{1,3}-O\d{1,3})$/;

/** The hidden data sheet of a summary: every merged unit's every item, with its form's tool weights. */
export function dataSheet(r: MergeResult): SummarySheet {
  const form = formLabel(r.catalog);
  const rows = r.merged.flatMap((m) => {
    const scores = new Map(m.form.items.map((i) => [i.code, i.score]));
    return r.catalog.tools.flatMap((t) =>
      t.indicators.flatMap((ind) =>
        ind.items.map((it) => {
          const v: Record<Key, TCell> = {
            unitCode: m.unit.code,
            unit: m.unit.th,
            fiscalYear: m.fiscalYear,
            round: m.round,
            form,
            passMark: r.passMark,
            tool: t.id,
            toolWeight: t.weight,
            item: it.code,
            itemText: it.text || it.label,
            score: scores.get(it.code) ?? null,
          };
          return { kind: "data" as const, cells: KEYS.map((k) => v[k]) };
        })
      )
    );
  });
  return {
    name: SUMMARY_DATA.sheet,
    title: SUMMARY_DATA.marker,
    subtitle:
      "ข้อมูลของสรุปนี้สำหรับโปรแกรม (ใช้เปรียบเทียบกับครั้งถัดไป กรุณาอย่าแก้ไข) / This summary's data for the program (to compare the next merge with); please do not edit",
    columns: KEYS.map((k): TableColumn => ({
      header: SUMMARY_DATA.columns[k].header,
      width: SUMMARY_DATA.columns[k].width,
      kind: SUMMARY_DATA.columns[k].kind,
    })),
    rows,
    freeze: { rows: SUMMARY_HEADER_ROW, cols: 0 },
    wrap: false,
    hidden: true,
  };
}

const fileName = (file: string) => file.split(/[\\/]/).pop() || file;

/**
 * Read the data sheet of a summary (as a CellGrid, from any reader) into a period. Throws a
 * CompareInputError naming the file, the sheet and the cell when the sheet is not what the writer
 * wrote: another marker, a header missing, a cell of the wrong kind.
 */
export function readSummaryData(grid: CellGrid, file: string): PeriodScores {
  const name = fileName(file);
  const where = (row: number, col: number) => ({
    th: `ไฟล์ ${name} ชีต "${grid.name}" เซลล์ ${addr(row, col)}`,
    en: `${name}, sheet "${grid.name}", cell ${addr(row, col)}`,
  });
  const fail = (row: number, col: number, th: string, en: string): never => {
    const w = where(row, col);
    throw new CompareInputError(msg(`${w.th}: ${th}`, `${w.en}: ${en}`));
  };
  const marker = grid.raw(1, 1);
  if (marker !== SUMMARY_DATA.marker) {
    const newer = typeof marker === "string" && marker.startsWith(SUMMARY_DATA.markerPrefix);
    fail(
      1,
      1,
      newer
        ? `ข้อมูลสรุปรุ่น "${marker}" ใหม่กว่าที่โปรแกรมนี้อ่านได้ (${SUMMARY_DATA.marker}) กรุณาใช้โปรแกรมรุ่นใหม่กว่า`
        : `ไม่ใช่ข้อมูลสรุปที่โปรแกรมนี้เขียน (ต้องเป็น "${SUMMARY_DATA.marker}")`,
      newer
        ? `summary data "${marker}" is newer than this program reads (${SUMMARY_DATA.marker}); use a newer version`
        : `not summary data written by this program (expected "${SUMMARY_DATA.marker}")`
    );
  }
  const col = new Map<Key, number>();
  for (let c = 1; c <= grid.colCount; c++) {
    const h = grid.raw(SUMMARY_HEADER_ROW, c);
    const k = KEYS.find((x) => SUMMARY_DATA.columns[x].header === h);
    if (k && !col.has(k)) col.set(k, c);
  }
  const absent = KEYS.filter((k) => !col.has(k));
  if (absent.length) {
    const list = absent.map((k) => SUMMARY_DATA.columns[k].header).join(", ");
    fail(
      SUMMARY_HEADER_ROW,
      1,
      `ไม่พบหัวคอลัมน์ ${list} ในแถว ${SUMMARY_HEADER_ROW}`,
      `no column headed ${list} in row ${SUMMARY_HEADER_ROW}`
    );
  }

  const items = new Map<string, PeriodItem>();
  const tools = new Map<ToolId, number>();
  const passMarks: number[] = [];
  const forms = new Map<string, number>();
  const units = new Map<
    string,
    {
      unit: ReturnType<typeof resolveUnit>;
      fiscalYear: number | null;
      round: number | null;
      scores: Map<string, number | null>;
    }
  >();
  for (let r = SUMMARY_FIRST_ROW; r <= grid.rowCount; r++) {
    const v = (k: Key): GridCell => grid.raw(r, col.get(k)!);
    if (KEYS.every((k) => v(k) === null || v(k) === "")) continue;
    const text = (k: Key, required: boolean): string => {
      const x = v(k);
      if (x === null || x === "") {
        if (required) fail(r, col.get(k)!, "ว่าง ต้องมีข้อความ", "is empty; text is expected");
        return "";
      }
      if (typeof x !== "string")
        fail(r, col.get(k)!, `ต้องเป็นข้อความ แต่พบ ${String(x)}`, `text expected, found ${String(x)}`);
      return x as string;
    };
    const num = (k: Key, required: boolean): number | null => {
      const x = v(k);
      if (x === null || x === "") {
        if (required) fail(r, col.get(k)!, "ว่าง ต้องเป็นตัวเลข", "is empty; a number is expected");
        return null;
      }
      if (typeof x !== "number" || !Number.isFinite(x))
        fail(
          r,
          col.get(k)!,
          `ต้องเป็นตัวเลข แต่พบ "${String(x)}"`,
          `a number expected, found "${String(x)}"`
        );
      return x as number;
    };
    const unitName = text("unit", true);
    // A district code re-saved as a number by another program is still the code.
    const rawCode = v("unitCode");
    const code = Number.isInteger(rawCode) ? String(rawCode) : text("unitCode", false);
    const unit = (code ? findDistrict(code) : null) ?? resolveUnit(unitName);
    const fiscalYear = num("fiscalYear", false);
    const round = num("round", false);
    const tool = text("tool", true) as ToolId;
    if (!TOOLS.includes(tool))
      fail(
        r,
        col.get("tool")!,
        `แบบวัด "${tool}" ไม่รู้จัก (IIT, EIT, OIT)`,
        `unknown tool "${tool}" (IIT, EIT, OIT)`
      );
    const weight = num("toolWeight", true)!;
    if (!tools.has(tool)) tools.set(tool, weight);
    const item = text("item", true);
    if (!ITEM_CODE.test(item))
      fail(r, col.get("item")!, `รหัสข้อ "${item}" ไม่ถูกต้อง`, `"${item}" is not an item code`);
    if (!items.has(item)) items.set(item, { code: item, tool, text: text("itemText", false) });
    passMarks.push(num("passMark", true)!);
    const form = text("form", true);
    forms.set(form, (forms.get(form) ?? 0) + 1);
    const score = num("score", false);
    const key = `${unitKey(unit!)}|${fiscalYear}|${round}`;
    const u = units.get(key) ?? { unit, fiscalYear, round, scores: new Map() };
    u.scores.set(item, score);
    units.set(key, u);
  }
  if (!units.size) fail(SUMMARY_FIRST_ROW, 1, "ไม่มีข้อมูลคะแนนของหน่วยงานใด", "holds no unit's scores");
  const period = [...units.values()];
  return {
    source: file,
    fiscalYear: mostCommon(period.map((u) => u.fiscalYear)),
    round: mostCommon(period.map((u) => u.round)),
    passMark: mostCommon(passMarks)!,
    form: [...forms].sort((a, b) => b[1] - a[1])[0][0],
    tools: [...tools].map(([id, weight]) => ({ id, weight })),
    items: [...items.values()],
    units: latestPerUnit(
      period.map((u) => ({
        key: unitKey(u.unit!),
        unit: u.unit!,
        label: unitDisplayName(u.unit!),
        fiscalYear: u.fiscalYear,
        round: u.round,
        scores: u.scores,
      }))
    ),
  };
}
