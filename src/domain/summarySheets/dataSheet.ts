import { formLabel, ToolId } from "../catalog";
import { addr } from "../layout/a1";
import { CellGrid, GridCell } from "../layout/grid";
import { CompareInputError, latestPerUnit, mostCommon, PeriodItem, PeriodScores } from "../compare";
import { MergeResult } from "../merge";
import { baseName, msg } from "../text";
import { findDistrict, resolveUnit, Unit, unitDisplayName, unitKey } from "../units";
import {
  SUMMARY_FIRST_ROW,
  SUMMARY_HEADER_ROW,
  SUMMARY_SHEETS,
  SummarySheet,
  TableColumn,
  TCell,
} from "./table";

/**
 * The summary's machine-readable data: a hidden sheet with one row per merged unit (its year, round,
 * form, pass mark, the form's tool weights and every item's score), so that a later merge can compare
 * with this one (`ita merge --compare`) without knowing how the visible sheets are laid out. This
 * description is the only place that knows the sheet: the writer (`dataSheet`) and the reader
 * (`readSummaryData`) both derive from it; the reader finds every column by its header and refuses
 * a sheet whose marker (the title cell) or headers it does not know.
 */
export const SUMMARY_DATA = {
  sheet: SUMMARY_SHEETS.data,
  /** The title cell: what makes a workbook a summary written by this program, and its layout version. */
  marker: "ita-summary-data/1",
  markerPrefix: "ita-summary-data/",
  /** The columns every row has, by header. */
  columns: {
    unitCode: { header: "unit_code", kind: "text", width: 10 },
    unit: { header: "unit", kind: "text", width: 30 },
    fiscalYear: { header: "fiscal_year", kind: "number", width: 10 },
    round: { header: "round", kind: "number", width: 8 },
    form: { header: "form", kind: "text", width: 22 },
    passMark: { header: "pass_mark", kind: "score", width: 10 },
  },
  /** A tool's weight: `weight:IIT`. */
  weight: { prefix: "weight:", width: 11 },
  /** An item's score, with the item's tool: `item:IIT:I1`, `item:OIT:O1-O22`. */
  item: { prefix: "item:", width: 12 },
} as const;

type Key = keyof typeof SUMMARY_DATA.columns;
const KEYS = Object.keys(SUMMARY_DATA.columns) as Key[];
const TOOLS: readonly ToolId[] = ["IIT", "EIT", "OIT"];
const WEIGHT_HEADER = /^weight:(IIT|EIT|OIT)$/;
const ITEM_HEADER = /^item:(IIT|EIT|OIT):([IE]\d{1,3}|O\d{1,3}-O\d{1,3})$/;

/** The hidden data sheet of a summary: every merged unit's every item, with its form's tool weights. */
export function dataSheet(r: MergeResult): SummarySheet {
  const form = formLabel(r.formDef);
  const items = r.formDef.tools.flatMap((t) =>
    t.indicators.flatMap((ind) => ind.items.map((it) => ({ tool: t.id, code: it.code })))
  );
  const fixed = (k: Key): TableColumn => ({
    header: SUMMARY_DATA.columns[k].header,
    width: SUMMARY_DATA.columns[k].width,
    kind: SUMMARY_DATA.columns[k].kind,
  });
  const columns: TableColumn[] = [
    ...KEYS.map(fixed),
    ...r.formDef.tools.map((t): TableColumn => ({
      header: `${SUMMARY_DATA.weight.prefix}${t.id}`,
      width: SUMMARY_DATA.weight.width,
      kind: "score",
    })),
    ...items.map((it): TableColumn => ({
      header: `${SUMMARY_DATA.item.prefix}${it.tool}:${it.code}`,
      width: SUMMARY_DATA.item.width,
      kind: "score",
    })),
  ];
  const rows = r.merged.map((m) => {
    const scores = m.scores;
    const v: Record<Key, TCell> = {
      unitCode: m.unit.code,
      unit: m.unit.th,
      fiscalYear: m.fiscalYear,
      round: m.round,
      form,
      passMark: r.passMark,
    };
    return {
      kind: "data" as const,
      cells: [
        ...KEYS.map((k) => v[k]),
        ...r.formDef.tools.map((t) => t.weight),
        ...items.map((it) => scores.get(it.code) ?? null),
      ],
    };
  });
  return {
    name: SUMMARY_DATA.sheet,
    title: SUMMARY_DATA.marker,
    subtitle:
      "ข้อมูลของสรุปนี้สำหรับโปรแกรม (ใช้เปรียบเทียบกับครั้งถัดไป กรุณาอย่าแก้ไข) / This summary's data for the program (to compare the next merge with); please do not edit",
    columns,
    rows,
    freeze: { rows: SUMMARY_HEADER_ROW, cols: 2 },
    wrap: false,
    hidden: true,
  };
}

/**
 * Read the data sheet of a summary (as a CellGrid, from any reader) into a period. Throws a
 * CompareInputError naming the file, the sheet and the cell when the sheet is not what the writer
 * wrote: another marker, a header missing or unknown, a cell of the wrong kind.
 */
export function readSummaryData(grid: CellGrid, file: string): PeriodScores {
  const name = baseName(file);
  const fail = (row: number, col: number, th: string, en: string): never => {
    const cell = addr(row, col);
    throw new CompareInputError(
      msg(
        `ไฟล์ ${name} ชีต "${grid.name}" เซลล์ ${cell}: ${th}`,
        `${name}, sheet "${grid.name}", cell ${cell}: ${en}`
      )
    );
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

  // Every column by its header: the fixed ones, the tools' weights, the items.
  const col = new Map<Key, number>();
  const weightCols: { tool: ToolId; col: number }[] = [];
  const itemCols: { item: PeriodItem; col: number }[] = [];
  const unknown: number[] = [];
  for (let c = 1; c <= grid.colCount; c++) {
    const h = grid.raw(SUMMARY_HEADER_ROW, c);
    if (h === null || h === "") continue;
    const k = KEYS.find((x) => SUMMARY_DATA.columns[x].header === h);
    const w = typeof h === "string" ? WEIGHT_HEADER.exec(h) : null;
    const it = typeof h === "string" ? ITEM_HEADER.exec(h) : null;
    if (k && !col.has(k)) col.set(k, c);
    else if (w && !weightCols.some((x) => x.tool === w[1]))
      weightCols.push({ tool: w[1] as ToolId, col: c });
    else if (it && !itemCols.some((x) => x.item.code === it[2]))
      itemCols.push({ item: { code: it[2], tool: it[1] as ToolId, text: "" }, col: c });
    else unknown.push(c);
  }
  const absent: string[] = KEYS.filter((k) => !col.has(k)).map(
    (k) => SUMMARY_DATA.columns[k].header
  );
  if (!weightCols.length) absent.push(`${SUMMARY_DATA.weight.prefix}…`);
  if (!itemCols.length) absent.push(`${SUMMARY_DATA.item.prefix}…`);
  if (absent.length)
    fail(
      SUMMARY_HEADER_ROW,
      1,
      `ไม่พบหัวคอลัมน์ ${absent.join(", ")} ในแถว ${SUMMARY_HEADER_ROW}`,
      `no column headed ${absent.join(", ")} in row ${SUMMARY_HEADER_ROW}`
    );
  if (unknown.length) {
    const h = String(grid.raw(SUMMARY_HEADER_ROW, unknown[0]));
    fail(
      SUMMARY_HEADER_ROW,
      unknown[0],
      `หัวคอลัมน์ "${h}" ไม่รู้จักหรือซ้ำ`,
      `unknown or repeated column "${h}"`
    );
  }
  const withoutWeight = itemCols.find((x) => !weightCols.some((w) => w.tool === x.item.tool));
  if (withoutWeight)
    fail(
      SUMMARY_HEADER_ROW,
      withoutWeight.col,
      `ไม่มีน้ำหนักของแบบวัด ${withoutWeight.item.tool}`,
      `no weight for the tool ${withoutWeight.item.tool}`
    );

  const cellText = (r: number, c: number, required: boolean): string => {
    const x = grid.raw(r, c);
    if (x === null || x === "") {
      if (required) fail(r, c, "ว่าง ต้องมีข้อความ", "is empty; text is expected");
      return "";
    }
    if (typeof x !== "string")
      fail(r, c, `ต้องเป็นข้อความ แต่พบ ${String(x)}`, `text expected, found ${String(x)}`);
    return x as string;
  };
  const cellNumber = (r: number, c: number, required: boolean): number | null => {
    const x: GridCell = grid.raw(r, c);
    if (x === null || x === "") {
      if (required) fail(r, c, "ว่าง ต้องเป็นตัวเลข", "is empty; a number is expected");
      return null;
    }
    if (typeof x !== "number" || !Number.isFinite(x))
      fail(r, c, `ต้องเป็นตัวเลข แต่พบ "${String(x)}"`, `a number expected, found "${String(x)}"`);
    return x as number;
  };

  const units: {
    unit: Unit;
    fiscalYear: number | null;
    round: number | null;
    scores: Map<string, number | null>;
  }[] = [];
  const weights = new Map<ToolId, number>();
  const passMarks: number[] = [];
  const forms: string[] = [];
  for (let r = SUMMARY_FIRST_ROW; r <= grid.rowCount; r++) {
    let blank = true;
    for (let c = 1; c <= grid.colCount && blank; c++) blank = grid.raw(r, c) === null;
    if (blank) continue;
    const unitName = cellText(r, col.get("unit")!, true);
    // A district code re-saved as a number by another program is still the code.
    const rawCode = grid.raw(r, col.get("unitCode")!);
    const code = Number.isInteger(rawCode)
      ? String(rawCode)
      : cellText(r, col.get("unitCode")!, false);
    const unit = ((code ? findDistrict(code) : null) ?? resolveUnit(unitName))!;
    for (const w of weightCols) {
      const n = cellNumber(r, w.col, true)!;
      if (n <= 0) fail(r, w.col, "น้ำหนักต้องมากกว่า 0", "a weight must be above 0");
      if (!weights.has(w.tool)) weights.set(w.tool, n);
    }
    passMarks.push(cellNumber(r, col.get("passMark")!, true)!);
    forms.push(cellText(r, col.get("form")!, true));
    units.push({
      unit,
      fiscalYear: cellNumber(r, col.get("fiscalYear")!, false),
      round: cellNumber(r, col.get("round")!, false),
      scores: new Map(itemCols.map((x) => [x.item.code, cellNumber(r, x.col, false)])),
    });
  }
  if (!units.length)
    fail(SUMMARY_FIRST_ROW, 1, "ไม่มีข้อมูลคะแนนของหน่วยงานใด", "holds no unit's scores");
  const formCount = new Map<string, number>();
  for (const f of forms) formCount.set(f, (formCount.get(f) ?? 0) + 1);
  return {
    source: file,
    fiscalYear: mostCommon(units.map((u) => u.fiscalYear)),
    round: mostCommon(units.map((u) => u.round)),
    passMark: mostCommon(passMarks)!,
    form: [...formCount].sort((a, b) => b[1] - a[1])[0][0],
    tools: TOOLS.filter((t) => weights.has(t)).map((id) => ({ id, weight: weights.get(id)! })),
    items: itemCols.map((x) => x.item),
    units: latestPerUnit(
      units.map((u) => ({
        key: unitKey(u.unit),
        unit: u.unit,
        label: unitDisplayName(u.unit),
        fiscalYear: u.fiscalYear,
        round: u.round,
        scores: u.scores,
      }))
    ),
  };
}
