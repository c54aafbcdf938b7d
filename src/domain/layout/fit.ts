import { Round } from "../fiscal";
import { Report } from "../report";
import { NUMBER_FORMAT, SCORE_FORMAT, TEXT_FORMAT } from "./spec";
import { Msg, msg } from "../text";
import { parseRange } from "./a1";
import { CellValue } from "./cells";
import { CellGrid, GridCell } from "./grid";
import { FormSheet, ReadItem } from "./read";
import { strayCells } from "./stray";
import { KeptCell, renderForm, SheetModel } from "./render";
import { META, MetaKey, SHARED_FIELDS } from "./spec";

/**
 * A filled sheet laid out again from what it holds: the layout a new form would get for the same
 * texts (row heights, continuation rows "(ต่อ)" where a text no longer fits a page, page breaks),
 * with everything the reader reads kept as the sheet has it — the metadata and score cells as they
 * are (a score typed as 85% stays 85%), each item's texts, and which items share one measures cell
 * (a group's item given cells of its own keeps them). The pane writes what differs from the sheet
 * (`excel/fit.ts`); `ita fit` writes it as a new workbook.
 */

/** Which items share one measures cell, in form order: the segments of the sheet as it is. */
export function sheetSegments(form: FormSheet): string[][] {
  const items = [...form.items].sort(
    (a, b) => form.formDef.byCode.get(a.code)!.order - form.formDef.byCode.get(b.code)!.order
  );
  const out: string[][] = [];
  let prev: ReadItem | null = null;
  for (const it of items) {
    const last = out[out.length - 1];
    const joins =
      prev !== null &&
      it.sharedWith.includes(prev.code) &&
      SHARED_FIELDS.every((f) => it[f] === prev![f]);
    if (joins) last.push(it.code);
    else out.push([it.code]);
    prev = it;
  }
  return out;
}

const cellAt = (a: string | null) => (a ? parseRange(a) : null);

/** A cell's value as a writer takes it (a TRUE typed in a score cell is written as the word). */
const asValue = (v: GridCell): CellValue => (typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : v);

/** A number format worth keeping: one the layout would not give the cell itself. */
const ownFormat = (f: string | null | undefined, layout: string) =>
  f && f !== layout && !/^general$/i.test(f) ? f : null;

/** The sheet laid out again from what it holds (see above). */
export function fitModel(form: FormSheet, grid: CellGrid): SheetModel {
  const formDef = form.formDef;
  const report: Report = {
    formId: formDef.formId,
    formVersion: formDef.version,
    unit: form.unit.raw,
    fiscalYear: form.fiscalYear.value ?? formDef.fiscalYear,
    round: (form.round.value === 12 ? 12 : 6) as Round,
    items: form.items.map((it) => ({
      code: it.code,
      // The item text shows its score cell as the formula computes it: the number in the cell
      // (0.85 for a score typed as 85%), none for text.
      score: typeof it.scoreRaw === "number" ? it.scoreRaw : null,
      issue: it.issue,
      measures: it.measures,
      results: it.results,
      evidence: it.evidence,
    })),
  };
  const metaCells: Partial<Record<MetaKey, KeptCell>> = {};
  for (const m of META) {
    if (m.key === "form") continue;
    const r = cellAt(form[m.key].cell);
    metaCells[m.key] = r
      ? {
          value: asValue(grid.raw(r.r1, r.c1)),
          numFmt: ownFormat(
            grid.numFmt?.(r.r1, r.c1),
            m.style === "metaNumber" ? NUMBER_FORMAT : TEXT_FORMAT
          ),
        }
      : { value: null };
  }
  const scoreCells = new Map<string, KeptCell>(
    form.items.map((it) => [
      it.code,
      {
        value: asValue(it.scoreRaw),
        numFmt: ownFormat(grid.numFmt?.(it.row, form.columns.score), SCORE_FORMAT),
      },
    ])
  );
  const model = renderForm(
    formDef,
    {
      unit: form.unit.value,
      fiscalYear: report.fiscalYear,
      round: report.round as Round,
      passMark: form.passMark.value ?? formDef.passMark,
      preparer: form.preparer.value ?? "",
    },
    report,
    form.sheet,
    { segments: sheetSegments(form), metaCells, scoreCells, carried: form.carried }
  );
  // The hidden metadata says what the sheet says, and no more: a year the sheet does not give stays
  // unknown rather than the form's.
  const unknown: Record<string, boolean> = {
    fiscalYear: form.fiscalYear.value === null,
    round: form.round.value === null,
    passMark: form.passMark.value === null,
  };
  model.metadata = model.metadata.map(([k, v]) => [k, unknown[k] ? "" : v]);
  return model;
}

/** Why a sheet cannot be laid out again as it is, or null: items missing, twice or unknown, stray text. */
export function fitRefusal(form: FormSheet, grid: CellGrid): Msg | null {
  const layout = form.problems.filter(
    (p) => p.kind === "missing-item" || p.kind === "duplicate-code" || p.kind === "unknown-code"
  );
  if (layout.length) {
    const list = layout.slice(0, 5);
    return msg(
      `จัดหน้าพิมพ์ชีต "${form.sheet}" ไม่ได้ เพราะแถวของแบบรายงานไม่ครบหรือซ้ำ: ${list.map((p) => p.message.th).join("; ")}${layout.length > 5 ? ` … (+${layout.length - 5})` : ""} — แก้ตามที่การตรวจสอบแจ้งก่อน`,
      `Sheet "${form.sheet}" cannot be fitted for printing: its rows of the form are incomplete or repeated: ${list.map((p) => p.message.en).join("; ")}${layout.length > 5 ? ` … (+${layout.length - 5})` : ""} — fix what validation reports first`
    );
  }
  const strays = strayCells(form, grid);
  if (strays.length) {
    const list = strays.slice(0, 8).map((s) => `${s.cell} "${s.text}"`);
    const more = strays.length > 8 ? ` … (+${strays.length - 8})` : "";
    return msg(
      `จัดหน้าพิมพ์ชีต "${form.sheet}" ไม่ได้ เพราะมีข้อความที่ไม่อยู่ในช่องของข้อใดในแบบรายงาน ซึ่งจะหายไปเมื่อจัดหน้าใหม่: ${list.join(", ")}${more} — ย้ายข้อความไปไว้ในช่องของข้อที่เกี่ยวข้อง หรือลบออก แล้วลองอีกครั้ง`,
      `Sheet "${form.sheet}" cannot be fitted for printing: text outside the cells of any item would be lost when it is laid out again: ${list.join(", ")}${more} — move the text into the cells of the item it belongs to, or delete it, then try again`
    );
  }
  return null;
}

/** Where something anchored on a sheet (a picture's corner) is: a cell and an offset into it. */
export interface SheetPoint {
  row: number;
  col: number;
  /** Points below the top of the cell's row. */
  rowOffPt: number;
}

/**
 * Where a point of a sheet goes when the sheet is laid out again (`fitModel`): a picture in an
 * item's evidence cell (or any of its cells) stays in that item's cell, as far below the cell's top
 * as it was; a point above the header stays where it is. `before` is the sheet as read with its
 * geometry; `after` the fitted sheet as read (`readForm(modelGrid(model))`) and its row heights.
 */
export function fittedPoint(
  before: FormSheet,
  beforeGrid: CellGrid,
  after: FormSheet,
  heightsAfter: (row: number) => number,
  p: SheetPoint
): SheetPoint {
  if (p.row <= before.headerRow) return p;
  const items = [...before.items].sort((a, b) => a.row - b.row);
  const owner = items.filter((it) => it.row <= p.row).pop() ?? items[0];
  const moved = after.items.find((it) => it.code === owner.code);
  if (!owner || !moved) return p;
  // The column's field, wherever the reader found it, and its place in the fitted sheet.
  const key = (Object.keys(before.columns) as (keyof FormSheet["columns"])[]).find(
    (k) => before.columns[k] === p.col
  );
  const col = key ? after.columns[key] : p.col;
  const field = key && key !== "code" && key !== "score" && key !== "item" ? key : null;
  const topBefore = field ? (parseRange(owner.cells[field])?.r1 ?? owner.row) : owner.row;
  const topAfter = field ? (parseRange(moved.cells[field])?.r1 ?? moved.row) : moved.row;
  const start = Math.min(topBefore, p.row);
  let down = p.rowOffPt;
  for (let r = start; r < p.row; r++) down += beforeGrid.geometry?.rowHeight(r).pt ?? 15;
  let row = topAfter;
  while (down >= heightsAfter(row) && heightsAfter(row) > 0 && row < topAfter + 500) {
    down -= heightsAfter(row);
    row++;
  }
  return { row, col, rowOffPt: down };
}
