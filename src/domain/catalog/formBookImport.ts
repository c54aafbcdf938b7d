/**
 * The importer of the form book (formBook.ts): an edited workbook's cells back to a form file, every
 * problem with its sheet and cell. Pure, over CellGrids: the CLI reads the file with xlsx/read, the
 * task pane the same way.
 */
import { z } from "zod";
import { normalizeCode } from "../codes";
import { addr, colNumber } from "../layout/a1";
import { CellGrid, GridCell, mergeResolver } from "../layout/grid";
import { cleanText, countEn, foldKey, Msg, msg, thaiDigitsToAscii } from "../text";
import { crossItemProblems, jsonPath, WEIGHTS_PATH, weightsProblem } from "./catalog";
import {
  BOOK_SHEETS,
  BookColumn,
  BookProblem,
  BookSheetKey,
  bookSheetName,
  COLUMN_KEYS,
  CORRECTION_COLUMNS,
  Correction,
  Item,
  ITEM_COLUMNS,
  ItemColumnKey,
  PROPERTY_COLUMNS,
  PROPERTY_ROWS,
  rangeOf,
  TOOL_IDS,
  TOOL_LETTER,
} from "./formBook";
import { formDefSchema } from "./lazySchema";
import type { FormDefJson, ToolId } from "./schema";

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
    const missing = list.filter((s) => !(s.key in col) && !s.optional);
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
    inclusive?: boolean;
    values?: unknown[];
    keys?: string[];
  };
  switch (i.code) {
    case "too_small":
      if (i.origin === "string") return notEmpty;
      if (i.origin === "array")
        return msg(
          `ต้องมีอย่างน้อย ${i.minimum} รายการ`,
          `needs at least ${countEn(Number(i.minimum), "entry", "entries")}`
        );
      if (i.inclusive === false)
        return msg(`ต้องมากกว่า ${i.minimum}`, `must be more than ${i.minimum}`);
      return msg(`ต้องไม่น้อยกว่า ${i.minimum}`, `must be at least ${i.minimum}`);
    case "too_big":
      if (i.origin === "array")
        return msg(
          `มีได้ไม่เกิน ${i.maximum} รายการ`,
          `at most ${countEn(Number(i.maximum), "entry", "entries")}`
        );
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

/** What the readers of the sheets share: where problems go, and where each value came from. */
interface Ctx {
  add: (sheet: string, cell: string, problem: Msg) => void;
  /** json path (or `tool:IIT.weight`) → the cell its value came from. */
  at: Map<string, Place>;
}

interface IndicatorDraft {
  number: number;
  name: { th: string; en: string };
  items: Item[];
  place: Place;
  nameCells: { th: string; en: string };
}
type ToolBlock = { id: ToolId; indicators: IndicatorDraft[] };
type ItemPlaces = { code: Place; group: Place | null; row: Record<ItemColumnKey, Place> };

const missingColumns = <K extends string>(
  { add }: Ctx,
  g: CellGrid,
  row: number,
  missing: BookColumn<K>[]
) => {
  for (const m of missing)
    add(
      g.name,
      addr(row, 1),
      msg(`ไม่พบหัวคอลัมน์ "${m.header.th}"`, `no column headed "${m.header.en}"`)
    );
};

/** The properties sheet: one row per key of PROPERTY_ROWS. */
function readProperties(ctx: Ctx, g: CellGrid) {
  const { add, at } = ctx;
  const draft: Record<string, unknown> = {};
  const toolDraft = new Map<ToolId, Record<string, unknown>>(
    TOOL_IDS.map((id) => [id, { id, name: {} }])
  );
  const columnsDraft: Record<string, Record<string, string>> = {};
  const title: Record<string, string> = {};
  const previousDraft: Record<string, string> = {};
  const { row: hr, col, missing } = findColumns(g, PROPERTY_COLUMNS);
  const need = missing.filter((m) => m.key !== "label");
  missingColumns(ctx, g, hr, need);
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
      } else if (head === "previous") {
        if (value !== undefined) previousDraft[rest[0]] = value as string;
        at.set(`previous.${rest[0]}`, place);
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
  return { draft, toolDraft, columnsDraft, title, previousDraft };
}

/** The items sheet: one row per item; tools and indicators as blocks of rows. */
function readItems(ctx: Ctx, g: CellGrid) {
  const { add } = ctx;
  const toolBlocks: ToolBlock[] = [];
  const itemPlaces: ItemPlaces[] = [];
  const previousItems: Record<string, string[]> = {};
  const { row: hr, col, missing } = findColumns(g, ITEM_COLUMNS);
  missingColumns(ctx, g, hr, missing);
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
        if (col[k] === undefined) return null; // an optional column the book does not have
        if (!spanning.has(k)) return g.raw(r, col[k]);
        const top = resolve(r, col[k]);
        return top.col === col[k] ? g.raw(top.row, top.col) : g.raw(r, col[k]);
      };
      const cell = (k: ItemColumnKey) => (col[k] === undefined ? "" : addr(r, col[k]));
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
        const other = [...toolBlocks].flatMap((b) => b.indicators).find((i) => i.number === number);
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
        bad("code", msg(`รหัสข้อ ${code} ซ้ำกับเซลล์ ${dup.cell}`, `item ${code} repeats ${dup.cell}`));
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
      const rawPrevious = text(v("previous"));
      if (rawPrevious) {
        const from = rawPrevious === "-" ? [] : rawPrevious.split(/[\s,;]+/).filter(Boolean);
        const bad1 = from.find((c) => !normalizeCode(c));
        if (bad1) bad("previous", msg(`"${bad1}" ไม่ใช่รหัสข้อ`, `"${bad1}" is not an item code`));
        else {
          previousItems[code] = from.map((c) => normalizeCode(c)!);
          ctx.at.set(`previous.items.${code}`, place("previous"));
        }
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
  return { toolBlocks, itemPlaces, previousItems };
}

/** The corrections sheet, when the book has one. */
function readCorrections(ctx: Ctx, g: CellGrid): Correction[] | undefined {
  const { at } = ctx;
  let corrections: Correction[] | undefined;
  const { row: hr, col, missing } = findColumns(g, CORRECTION_COLUMNS);
  missingColumns(ctx, g, hr, missing);
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
  return corrections;
}

/** Problems in the order of the book: by sheet, then row, then column (the first of several cells). */
function inBookOrder(problems: BookProblem[], grids: readonly CellGrid[]): BookProblem[] {
  const sheet = (p: BookProblem) => (p.sheet ? 1 + grids.findIndex((g) => g.name === p.sheet) : 0);
  const cell = (p: BookProblem) => {
    const m = /^([A-Z]+)(\d+)/.exec(p.cell);
    return m ? [Number(m[2]), colNumber(m[1])] : [0, 0];
  };
  return problems
    .map((p, i) => ({ p, i, s: sheet(p), c: cell(p) }))
    .sort((a, b) => a.s - b.s || a.c[0] - b.c[0] || a.c[1] - b.c[1] || a.i - b.i)
    .map((x) => x.p);
}

/**
 * Read an edited form book (its sheets as cell grids, from xlsx/read or Office.js) into a form file.
 * Everything is checked — the sheets and columns, each value, the weights' sum, the zod schema and
 * the cross-item rules — and every problem found is returned at once, with its sheet and cell, in
 * the order of the book; the form only when there is none. A finding of the schema or the cross-item
 * rules at a cell that already has a problem, or at no cell of its own while cells have problems, is
 * left out: it is that problem seen again.
 */
export function formFromBook(
  grids: readonly CellGrid[]
): { form: FormDefJson; problems: [] } | { form: null; problems: BookProblem[] } {
  const problems: BookProblem[] = [];
  const at = new Map<string, Place>(); // json path → where its value came from
  const add = (sheet: string, cell: string, problem: Msg) =>
    problems.push({ sheet, cell, problem });
  const ctx: Ctx = { add, at };

  const propsGrid = findSheet(grids, "properties");
  const itemsGrid = findSheet(grids, "items");
  for (const [k, g] of [
    ["properties", propsGrid],
    ["items", itemsGrid],
  ] as const)
    if (!g)
      add(
        "", // the problem is the sheet itself: named in the message
        "",
        msg(
          `ไม่พบชีต "${bookSheetName(k)}" (ชีตที่มี: ${grids.map((x) => x.name).join(", ") || "-"})`,
          `no sheet "${bookSheetName(k)}" (sheets found: ${grids.map((x) => x.name).join(", ") || "-"})`
        )
      );
  if (!propsGrid || !itemsGrid) return { form: null, problems };

  const { draft, toolDraft, columnsDraft, title, previousDraft } = readProperties(ctx, propsGrid);
  // The weights' sum is the properties' own: checked with the cells, whatever else is wrong.
  const weightCells = TOOL_IDS.map((id) => at.get(`tool:${id}.weight`)?.cell ?? "")
    .filter(Boolean)
    .join(", ");
  const weights = TOOL_IDS.map((id) => toolDraft.get(id)!.weight);
  if (weights.every((w): w is number => typeof w === "number")) {
    const w = weightsProblem(weights);
    if (w) add(propsGrid.name, weightCells, w);
  }
  const { toolBlocks, itemPlaces, previousItems } = readItems(ctx, itemsGrid);
  const corrGrid = findSheet(grids, "corrections");
  const corrections = corrGrid ? readCorrections(ctx, corrGrid) : undefined;
  const cellProblems = problems.length;
  const taken = new Set(problems.map((p) => `${p.sheet}!${p.cell}`));

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
    // Only when the book maps anything: a form without a map has no `previous` at all.
    ...(Object.keys(previousDraft).length || Object.keys(previousItems).length
      ? {
          previous: {
            formId: previousDraft.formId,
            version: previousDraft.version,
            items: previousItems,
          },
        }
      : {}),
    ...(corrections ? { corrections } : {}),
  } as unknown as FormDefJson;

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
  /** The cell a path's value came from; with cell problems, only a value read from a cell. */
  const placeOf = (path: string): Place | null => {
    if (cellProblems) return at.get(path) ?? null;
    for (let p = path; p; p = p.replace(/(\.[^.[\]]+|\[[^\]]*\])$/, "")) {
      const hit = at.get(p);
      if (hit) return hit;
      if (!/[.[]/.test(p)) break;
    }
    return { sheet: propsGrid.name, cell: "" };
  };
  const seen = new Set<string>();
  const placed = (path: string, problem: Msg) => {
    const p = placeOf(path);
    if (!p || taken.has(`${p.sheet}!${p.cell}`)) return;
    const withHint = p.hint
      ? msg(`${problem.th} (${p.hint.th})`, `${problem.en} (${p.hint.en})`)
      : problem;
    const key = `${p.sheet}!${p.cell}!${withHint.en}`;
    if (seen.has(key)) return;
    seen.add(key);
    add(p.sheet, p.cell, withHint);
  };
  // The schema and the cross-item rules see the form as far as the cells gave it: what they find
  // besides the cells' problems is listed with them.
  const parsed = formDefSchema().safeParse(form);
  if (!parsed.success)
    for (const issue of parsed.error.issues) placed(jsonPath(issue.path), zodProblem(issue));
  // The weights' sum was checked with the cells.
  for (const p of crossItemProblems(form)) if (p.path !== WEIGHTS_PATH) placed(p.path, p.problem);
  if (problems.length) return { form: null, problems: inBookOrder(problems, grids) };
  return { form, problems: [] };
}
