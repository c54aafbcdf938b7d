import {
  addr,
  CellRange,
  cellText,
  codeSpan,
  COLUMNS,
  FONT,
  msg,
  FormSheet,
  isContinuedLabel,
  ReadItem,
  rowHeights,
  SHARED_FIELDS,
} from "../domain";
import { ExcelActionError, guarded } from "./errors";
import { protectionOptions } from "./format";

export interface SplitResult {
  /** The item's own measures cell, selected for the user to write in. */
  cell: string;
  /** The rows of the group that were laid out again (first, last). */
  rows: [number, number];
  /** Requests sent (a read, then one write). */
  syncs: number;
}

/** A measure group's rows as read before it is laid out again (`end`: its last row once written). */
interface GroupRead {
  members: ReadItem[];
  top: number;
  last: ReadItem;
  nextRow: number;
  range: Excel.Range;
  end?: number;
}

/** Rows a sheet may hold under an item (its continuation rows) that are read to find the group's end. */
const MAX_ROWS_PER_ITEM = 40;

/**
 * Give an item of a measure group its own measures, results and evidence cells: the group's merged
 * cells are unmerged over the item's rows, the group's text stays with the rest of the group (in each
 * part of it, when the item sits in the middle) and the item gets a copy of it to rewrite as measures
 * aimed at it. A copy, not empty cells: nothing that applied to the item is lost, and a sheet read
 * without merge information (ExcelApi before 1.13) or laid out again reads the same, since an empty
 * member of a group is read as sharing the group's text. Validation warns while a flagged item's
 * measures are still a copy of its group's.
 *
 * Two requests: one read (the group's rows, to find where the group ends), one write (unmerge, one 2D
 * write of the three columns, the merges of the parts, row heights for the new cells, the selection).
 */
export async function splitFromGroup(
  context: Excel.RequestContext,
  form: FormSheet,
  code: string,
  protectedSheet: boolean
): Promise<SplitResult> {
  const it = form.items.find((i) => i.code === code);
  if (!it) throw new Error(`Item ${code} is not on the sheet`);
  return splitItems(context, form, [code], protectedSheet, { select: true });
}

/**
 * Give several items of measure groups their own cells at once (each group laid out again in one
 * write), optionally with their own measures written in: the items chosen each get a part of the
 * group's cells of their own; the group's other items stay together in parts between them, each part
 * with the group's texts. Used by "insert standard measures" for items of a group the user did not
 * choose whole. Syncs: one read of the groups' rows, one write.
 */
export async function splitItems(
  context: Excel.RequestContext,
  form: FormSheet,
  codes: readonly string[],
  protectedSheet: boolean,
  opts: { select?: boolean; measures?: ReadonlyMap<string, string> } = {}
): Promise<SplitResult> {
  const chosen = codes.map((code) => {
    const it = form.items.find((i) => i.code === code);
    if (!it) throw new Error(`Item ${code} is not on the sheet`);
    if (!it.sharedWith.length)
      throw new ExcelActionError(
        msg(
          `ข้อ ${code} มีช่องมาตรการของตนเองอยู่แล้ว (${it.cells.measures})`,
          `${code} already has its own measures cell (${it.cells.measures})`
        ),
        "ItemNotShared"
      );
    return it;
  });
  // The groups the items are in, each once.
  const groups: ReadItem[][] = [];
  for (const it of chosen) {
    if (groups.some((g) => g.includes(it))) continue;
    groups.push(
      form.items
        .filter((i) => i === it || it.sharedWith.includes(i.code))
        .sort((a, b) => a.row - b.row)
    );
  }
  const it = chosen[0];
  const code = it.code;
  // The columns where the reader found them (a user may have moved one).
  const codeCol = form.columns.code;
  const itemCol = form.columns.item;
  const sharedCols = SHARED_FIELDS.map((f) => form.columns[f]);
  const c1 = Math.min(...sharedCols);
  const c2 = Math.max(...sharedCols);
  if (c2 - c1 + 1 !== sharedCols.length || sharedCols.some((c, i) => c !== c1 + i))
    throw new ExcelActionError(
      msg(
        `คอลัมน์มาตรการ ผลการดำเนินการ และหลักฐานในชีต "${form.sheet}" ไม่ได้อยู่ติดกันตามแบบฟอร์ม: แยกข้อ ${code} เองไม่ได้ ย้ายคอลัมน์กลับที่เดิมแล้วลองอีกครั้ง`,
        `The measures, results and evidence columns of sheet "${form.sheet}" are not side by side as in the form: ${code} cannot be split off; move the columns back and try again`
      ),
      "ColumnsMoved"
    );
  const colCount = Math.max(...Object.values(form.columns));
  /** Width of each column as the layout sizes it, wherever the reader found it. */
  const widths = Array.from({ length: colCount }, (_, i) => {
    const spec = COLUMNS.find((c) => form.columns[c.key] === i + 1);
    return spec ? spec.width : 9;
  });

  return guarded(async () => {
    const ws = context.workbook.worksheets.getItem(form.sheet);
    const reads: GroupRead[] = groups.map((members) => {
      const top = members[0].row;
      const last = members[members.length - 1];
      const nextRow = Math.min(
        ...form.items.filter((i) => i.row > last.row).map((i) => i.row),
        last.row + MAX_ROWS_PER_ITEM
      );
      return {
        members,
        top,
        last,
        nextRow,
        range: ws.getRangeByIndexes(top - 1, 0, nextRow - top, colCount).load("values"),
      };
    });
    const used = ws.getUsedRange(true).load("rowIndex,rowCount");
    await context.sync();
    const usedLast = used.rowIndex + used.rowCount;

    if (protectedSheet) ws.protection.unprotect();
    for (const g of reads) writeGroup(ws, g, usedLast);
    if (protectedSheet) ws.protection.protect(protectionOptions());
    const cell = addr(it.row, form.columns.measures);
    if (opts.select) {
      ws.activate();
      ws.getRange(cell).select();
    }
    await context.sync();
    const g0 = reads[0];
    return { cell, rows: [g0.top, g0.end ?? g0.top], syncs: 2 };
  });

  /** Lay out one group's rows again: its parts, their texts, merges and row heights. */
  function writeGroup(ws: Excel.Worksheet, g: GroupRead, usedLast: number): void {
    const { members, top, last, nextRow } = g;
    const values = g.range.values as unknown[][];
    // The group ends above the next row with a code or an item text (the next item, or a heading)
    // — a later page's "I4 (ต่อ)" is the group's own row.
    let end = Math.min(nextRow - 1, usedLast);
    for (let r = last.row + 1; r <= end; r++) {
      const row = values[r - top];
      const label = cellText(row[itemCol - 1] as never);
      if (cellText(row[codeCol - 1] as never) || (label && !isContinuedLabel(label))) {
        end = r - 1;
        break;
      }
    }
    g.end = end;
    // Rows of each member: from its row to the row above the next member.
    const rowsOf = (m: ReadItem): [number, number] => {
      const k = members.indexOf(m);
      return [m.row, k + 1 < members.length ? members[k + 1].row - 1 : end];
    };
    // Parts: each chosen member alone; the others together between them.
    const parts: { rows: [number, number]; own: ReadItem | null }[] = [];
    for (const m of members) {
      const [r1, r2] = rowsOf(m);
      const mine = chosen.includes(m);
      const prev = parts[parts.length - 1];
      if (!mine && prev && !prev.own) prev.rows[1] = r2;
      else parts.push({ rows: [r1, r2], own: mine ? m : null });
    }
    const group = members[0];
    const texts = SHARED_FIELDS.map((f) => group[f]);
    const block: string[][] = Array.from({ length: end - top + 1 }, () => texts.map(() => ""));
    for (const p of parts) {
      const own = p.own && opts.measures?.get(p.own.code);
      block[p.rows[0] - top] =
        own !== undefined && own !== null ? [own, ...texts.slice(1)] : [...texts];
    }

    // Heights of the rows: the new shared cells with the rows' own cells (merged over each member's
    // rows where the rows below the text are empty, as the layout writes them).
    const merges: CellRange[] = [];
    for (const {
      rows: [r1, r2],
    } of parts)
      if (r2 > r1) for (const c of sharedCols) merges.push({ r1, c1: c, r2, c2: c });
    const ownMerges: CellRange[] = [];
    for (const m of members) {
      const [r1, r2] = rowsOf(m);
      for (let c = 1; c <= colCount; c++) {
        if (sharedCols.includes(c)) continue;
        let from = r1;
        for (let r = r1 + 1; r <= r2 + 1; r++) {
          if (r <= r2 && !cellText(values[r - top][c - 1] as never)) continue;
          if (r - 1 > from) ownMerges.push({ r1: from, c1: c, r2: r - 1, c2: c });
          from = r;
        }
      }
    }
    const local = (m: CellRange): CellRange => ({ ...m, r1: m.r1 - top + 1, r2: m.r2 - top + 1 });
    const heights = rowHeights({
      rowCount: end - top + 1,
      text: (r, c) =>
        sharedCols.includes(c)
          ? block[r - 1][c - c1]
          : cellText((values[r - 1]?.[c - 1] ?? null) as never),
      font: (_r, c) => ({ size: FONT.size, bold: c === codeCol }),
      columnWidths: widths,
      merges: [...merges, ...ownMerges].map(local),
    });

    const area = ws.getRangeByIndexes(top - 1, c1 - 1, end - top + 1, sharedCols.length);
    area.unmerge();
    area.numberFormat = block.map((row) => row.map(() => "@"));
    area.values = block;
    for (const m of merges)
      ws.getRangeByIndexes(m.r1 - 1, m.c1 - 1, m.r2 - m.r1 + 1, 1).merge(false);
    for (let i = 0; i < heights.length;) {
      let j = i + 1;
      while (j < heights.length && heights[j].pt === heights[i].pt) j++;
      ws.getRangeByIndexes(top - 1 + i, 0, j - i, 1).format.rowHeight = heights[i].pt;
      i = j;
    }
  }
}

/** The group an item's measures are shared with, as the user reads it ("I21–I24"). */
export function groupSpan(item: ReadItem): string {
  return codeSpan([item.code, ...item.sharedWith]);
}
