import { carriedForm, FormDef, FormItem, formDefById } from "../catalog";
import { CarriedRecord, carriedFromMeta, markerContinues } from "../carried";
import { leadingCode, normalizeCode } from "../codes";
import { parsePassMark, parseScoreCell, ScoreParse } from "../score";
import { foldKey, Msg, msg, thaiDigitsToAscii } from "../text";
import { CONTINUED, joinParts, MORE } from "./textMetrics";
import { ReasonError } from "../errors";
import { TEXT_FIELDS, TextField } from "../reportFields";
import { resolveUnit, Unit } from "../units";
import { addr } from "./a1";
import { CellGrid, cellText, GridCell, mergeResolver, rowsFrom } from "./grid";
import { CutOff, cutOffs } from "./printCheck";
import { COLUMNS, ColumnKey, FONT, META, MetaKey, metaSpec, SHARED_FIELDS } from "./spec";
import { isContinuedLabel, StrayCell, strayCells } from "./stray";

export interface ReadField {
  value: string;
  cell: string;
}

export interface ReadItem {
  code: string;
  row: number;
  score: number | null;
  scoreRaw: GridCell;
  scoreParse: ScoreParse;
  cells: Record<"score" | TextField, string>;
  /**
   * Where each text begins, when not in the item's own cell: a text the layout split goes on in
   * "(ต่อ)" parts below, and an item on a later part reads it from the first (where it is typed).
   */
  starts?: Partial<Record<TextField, string>>;
  issue: string;
  measures: string;
  results: string;
  evidence: string;
  /** Items whose measures are this item's too: one cell merged over their rows (a measure group). */
  sharedWith: string[];
  /** Pictures placed in (or over) the item's evidence cell. */
  photos: number;
}

export interface ReadMeta<T> {
  value: T | null;
  raw: string;
  cell: string | null;
}

/** A problem met while reading the layout itself (not a validation rule on the content). */
export interface ReadProblem {
  kind:
    | "unknown-code"
    | "duplicate-code"
    | "missing-item"
    | "column-moved"
    | "meta-sheet-mismatch"
    | "stale-continuation"
    | "orphan-continuation";
  code?: string;
  cell?: string;
  message: Msg;
}

export interface FormSheet {
  sheet: string;
  formId: string | null;
  formVersion: string | null;
  /** The form definition the sheet was read against. */
  formDef: FormDef;
  unit: ReadMeta<Unit>;
  fiscalYear: ReadMeta<number>;
  round: ReadMeta<number>;
  passMark: ReadMeta<number>;
  preparer: ReadMeta<string>;
  headerRow: number;
  columns: Record<ColumnKey, number>;
  items: ReadItem[];
  problems: ReadProblem[];
  /**
   * What the sheet carried from an earlier report (digests per carried cell, in the hidden metadata),
   * or null; absent where a sheet was made without reading its metadata.
   */
  carried?: CarriedRecord | null;
  /** The visible form marker says the sheet continues an earlier report (its record is in the metadata). */
  continues?: boolean;
  /**
   * Printed cells whose text will be cut off (more lines than their rows give); null when the source
   * cannot tell row heights. Measured when first read (a merge never reads it), and not copied with
   * the sheet: a copy made by spreading or by a worker's message has none.
   */
  cutOffs?: CutOff[] | null;
  /**
   * Cells whose text is in no part of the form (`strayCells`): typed in an inserted row or beside
   * the form, so not read. Found with the read (a quarter of a millisecond a sheet), so that a merge
   * of files read in workers names them as validation does; absent where a sheet was made otherwise.
   */
  strays?: StrayCell[];
}

export class NotAFormError extends ReasonError {
  constructor(
    readonly sheet: string,
    reason: Msg
  ) {
    super(reason);
  }
}

/**
 * A sheet of a form this copy does not bundle, whose workbook carries a damaged definition of it:
 * the sheet cannot be read safely without the form file (`--form`, or a new copy of the workbook).
 */
export class UnknownFormError extends ReasonError {
  constructor(
    readonly sheet: string,
    readonly formId: string,
    readonly formVersion: string,
    problem: Msg
  ) {
    super(
      msg(
        `ชีต "${sheet}" ใช้แบบฟอร์ม ${formId} ${formVersion} ซึ่งโปรแกรมนี้ไม่มี และคำจำกัดความแบบฟอร์มที่ฝากมาในไฟล์ (ชีตซ่อน ITA_META) เสียหาย: ${problem.th} — ระบุไฟล์แบบฟอร์มด้วย --form หรือขอไฟล์ฉบับใหม่`,
        `sheet "${sheet}" uses the form ${formId} ${formVersion}, which this copy does not bundle, and the form definition the workbook carries (hidden sheet ITA_META) is damaged: ${problem.en} — give the form file with --form, or ask for a new copy of the workbook`
      )
    );
  }
}

const HEADER_SCAN_ROWS = 60;

/** Locate the header row: the row holding the header labels of the layout's columns. */
function findHeader(
  grid: CellGrid,
  formDef: FormDef
): { row: number; columns: Record<ColumnKey, number>; moved: ColumnKey[] } | null {
  // Compared without white space: the layout breaks a long column name into lines.
  const key = (s: string) => foldKey(s).replace(/\s/g, "");
  const labels = COLUMNS.map((c) => ({
    key: c.key,
    label: key(
      c.header === "fromForm" ? formDef.columns[c.key as keyof FormDef["columns"]].th : c.header.th
    ),
  }));
  const maxRow = Math.min(grid.rowCount, HEADER_SCAN_ROWS);
  for (let r = 1; r <= maxRow; r++) {
    const found: Partial<Record<ColumnKey, number>> = {};
    for (let c = 1; c <= Math.min(grid.colCount, 40); c++) {
      const t = key(cellText(grid.raw(r, c)));
      if (!t) continue;
      const hit = labels.find(
        (l) => found[l.key] === undefined && (t === l.label || t.startsWith(l.label))
      );
      if (hit) found[hit.key] = c;
    }
    // The item and score columns identify the header; the rest fall back to their layout position.
    if (found.item !== undefined && found.score !== undefined) {
      const moved: ColumnKey[] = [];
      const columns = {} as Record<ColumnKey, number>;
      COLUMNS.forEach((c, i) => {
        columns[c.key] = found[c.key] ?? i + 1;
        if (found[c.key] === undefined) moved.push(c.key);
      });
      return { row: r, columns, moved };
    }
  }
  return null;
}

const META_LABELS = META.map((m) => foldKey(m.label.th));
const isMetaLabel = (folded: string) => META_LABELS.some((l) => folded.startsWith(l));

/**
 * A metadata field: at the layout's own place when its label is there, else wherever its label is in the
 * rows above the header (older layouts, moved cells), the value being the next non-empty cell to its right
 * that is not another label.
 */
function findMeta(
  grid: CellGrid,
  headerRow: number,
  key: MetaKey
): { raw: string; cell: string; at: [number, number] } | null {
  const spec = metaSpec(key);
  const label = foldKey(spec.label.th);
  if (spec.row < headerRow && foldKey(cellText(grid.raw(spec.row, spec.col))).startsWith(label)) {
    const at: [number, number] = [spec.row, spec.col + 1];
    return { raw: cellText(grid.raw(...at)), cell: addr(...at), at };
  }
  for (let r = 1; r < headerRow; r++) {
    for (let c = 1; c <= Math.min(grid.colCount, 12); c++) {
      const t = foldKey(cellText(grid.raw(r, c)));
      if (!t || !t.startsWith(label)) continue;
      for (let v = c + 1; v <= Math.min(grid.colCount, c + 8); v++) {
        const raw = cellText(grid.raw(r, v));
        if (!raw) continue;
        if (isMetaLabel(foldKey(raw))) break;
        return { raw, cell: addr(r, v), at: [r, v] };
      }
      return { raw: "", cell: addr(r, c + 1), at: [r, c + 1] };
    }
  }
  return null;
}

/**
 * The pass mark as its cell shows it: "85%" typed into the cell is 0.85 formatted as a percentage,
 * read as 85 (as a score is); a value from the hidden metadata as written there.
 */
function passMarkOf(
  grid: CellGrid,
  f: { raw: string; at: [number, number] | null }
): number | null {
  if (!f.raw) return null;
  if (!f.at) return parsePassMark(f.raw);
  const p = parseScoreCell(grid.raw(...f.at), grid.numFmt?.(...f.at));
  return p.kind === "ok" ? p.value : null;
}

/** Metadata stored in the hidden sheet for this form sheet (key → value). */
export type StoredMeta = ReadonlyMap<string, string>;

/**
 * Read a form sheet. Items are found by their code in the code column (or at the start of the item
 * text), so inserted, blank and moved rows read correctly. Throws NotAFormError when the sheet is not
 * a reporting form at all; everything else is reported in `problems` or left to the rules.
 */
export function readForm(
  grid: CellGrid,
  fallbackForm: FormDef,
  stored: StoredMeta = new Map()
): FormSheet {
  // Which form: the visible marker, else the hidden metadata, else the fallback.
  let formId: string | null = null;
  let formVersion: string | null = null;
  let formDef = fallbackForm;
  const header0 = findHeader(grid, fallbackForm);
  if (!header0) {
    throw new NotAFormError(
      grid.name,
      msg(
        `ไม่พบหัวตารางของแบบรายงาน ITA (คอลัมน์ "ประเด็นการประเมิน" และ "คะแนน") ในชีต "${grid.name}"`,
        `No ITA report header (columns "ประเด็นการประเมิน" and "คะแนน") found on sheet "${grid.name}"`
      )
    );
  }
  const marker = findMeta(grid, header0.row, "form");
  const markerParts = marker?.raw.split(/\s+/) ?? [];
  formId = markerParts[0] || stored.get("formId") || null;
  formVersion = markerParts[1] || stored.get("formVersion") || null;
  // The form the caller gave wins over a bundled one of the same id and version.
  const given = fallbackForm.formId === formId && fallbackForm.version === formVersion;
  // Then a bundled one; then the form the workbook carries (a form this copy does not bundle).
  if (formId && formVersion && !given) {
    const bundled = formDefById(formId, formVersion);
    const carried = bundled ? null : carriedForm(stored, formId, formVersion);
    // A damaged definition of a form this copy does not have: refused, never read as another form.
    if (carried?.problem)
      throw new UnknownFormError(grid.name, formId, formVersion, carried.problem);
    formDef = bundled ?? carried?.form ?? fallbackForm;
  }
  const header = formDef === fallbackForm ? header0 : (findHeader(grid, formDef) ?? header0);

  const problems: ReadProblem[] = header.moved
    .filter((k) => k !== "code")
    .map((k) => ({
      kind: "column-moved" as const,
      cell: addr(header.row, header.columns[k]),
      message: msg(
        `ไม่พบหัวคอลัมน์ "${k}" จึงใช้ตำแหน่งมาตรฐาน`,
        `Column header "${k}" not found; using its standard position`
      ),
    }));

  // A metadata cell the sheet shows is read as it is, empty too: the printed title is made from it,
  // and a value taken from the hidden metadata instead passed a form that printed "รอบ 6 เดือน" as
  // round 12, or no unit at all. The hidden values stand in only where the sheet has no such cell.
  const metaField = (key: MetaKey, storedKey: string) => {
    const m = findMeta(grid, header.row, key);
    const raw = m ? m.raw : stored.get(storedKey) || "";
    return { raw, cell: m?.cell ?? null, at: m?.raw ? m.at : null };
  };
  const unitF = metaField("unit", "unit");
  const storedUnitCode = unitF.raw ? stored.get("unitCode") : undefined;
  const unit = resolveUnit(unitF.raw) ?? (storedUnitCode ? resolveUnit(storedUnitCode) : null);
  const fyF = metaField("fiscalYear", "fiscalYear");
  const roundF = metaField("round", "round");
  const pmF = metaField("passMark", "passMark");
  const prepF = metaField("preparer", "preparer");

  const resolve = mergeResolver(grid);

  const items: ReadItem[] = [];
  const measuresKey = new Map<ReadItem, string>();
  const seen = new Map<string, ReadItem>();
  const { columns } = header;
  const itemRows = new Set<number>();
  const bodyRows = [...rowsFrom(grid, header.row + 1)];
  for (const r of bodyRows) if (rowCode(grid, r, columns)) itemRows.add(r);
  const isItemRow = (r: number) => itemRows.has(r);
  // Without merge information, an empty shared cell of a measure group's member is part of the
  // group's cell above it.
  const groupOf = (r: number) => {
    const code = rowCode(grid, r, columns);
    return code ? (formDef.byCode.get(code)?.measureGroup ?? null) : null;
  };
  let prevGroup: string | null = null;
  const memberRows = new Set<number>();
  for (const r of itemRows) {
    const g = groupOf(r);
    if (g && g === prevGroup && g !== rowCode(grid, r, columns)) memberRows.add(r);
    prevGroup = g;
  }
  const insideAbove = (r: number) => grid.mergesKnown === false && memberRows.has(r);
  const chains = Object.fromEntries(
    TEXT_FIELDS.map((f) => [
      f,
      columnChains(
        grid,
        resolve,
        columns[f],
        bodyRows,
        isItemRow,
        (SHARED_FIELDS as readonly string[]).includes(f) ? insideAbove : undefined,
        (cells, head) => {
          const list = cells.join(", ");
          problems.push({
            kind: "stale-continuation",
            cell: cells[0],
            message: msg(
              `${list} ยังมีส่วนต่อ "(ต่อ)" ของข้อความเดิม ซึ่งพิมพ์ไว้ครบแล้วใน ${head}: ข้อความจึงพิมพ์ซ้ำ (อ่านเฉพาะ ${head}) — ลบข้อความใน ${list} หรือกด "จัดหน้าพิมพ์"`,
              `${list} still ${cells.length > 1 ? "hold" : "holds"} the "(ต่อ)" part of the earlier text, which ${head} now holds in full: it prints twice (only ${head} is read) — clear ${list} or fit the sheet for printing`
            ),
          });
        },
        (cell, head) =>
          problems.push({
            kind: "orphan-continuation",
            cell,
            message: msg(
              `${cell} ยังมีส่วนต่อ "(ต่อ)" ของข้อความเดิมใน ${head} ซึ่งถูกลบหรือพิมพ์ทับด้วยข้อความอื่น: ข้อความที่อ่านได้จึงมีส่วนท้ายของข้อความเดิมต่อท้าย — ลบข้อความใน ${cell} หรือพิมพ์ข้อความทั้งหมดใน ${head}`,
              `${cell} still holds the "(ต่อ)" part of the earlier text of ${head}, which was cleared or typed over with another text: what is read ends with the rest of the earlier text — clear ${cell}, or type the whole text in ${head}`
            ),
          }),
        (head, rest) => {
          const [h, r] = [squashed(head), squashed(rest)];
          return prefilled(formDef).some((t) => isTailOfKnown(t, h, r));
        }
      ),
    ])
  ) as Record<TextField, (row: number) => Chained>;

  for (const r of itemRows) {
    const code = rowCode(grid, r, columns)!;
    const cat: FormItem | undefined = formDef.byCode.get(code);
    if (!cat) {
      problems.push({
        kind: "unknown-code",
        code,
        cell: addr(r, columns.code),
        message: msg(
          `รหัส ${code} ไม่มีในแบบฟอร์ม ${formDef.version}`,
          `Code ${code} is not in form ${formDef.version}`
        ),
      });
      continue;
    }
    const scoreRaw = grid.raw(r, columns.score);
    const scoreParse = parseScoreCell(
      typeof scoreRaw === "boolean" ? String(scoreRaw) : scoreRaw,
      grid.numFmt?.(r, columns.score)
    );
    const cells = {
      score: addr(r, columns.score),
      issue: addr(r, columns.issue),
      measures: addr(r, columns.measures),
      results: addr(r, columns.results),
      evidence: addr(r, columns.evidence),
    };
    const item: ReadItem = {
      code,
      row: r,
      score: scoreParse.kind === "ok" ? scoreParse.value : null,
      scoreRaw,
      scoreParse,
      cells,
      issue: "",
      measures: "",
      results: "",
      evidence: "",
      sharedWith: [],
      photos: 0,
    };
    for (const f of TEXT_FIELDS) {
      const chained = chains[f](r);
      item[f] = chained.text;
      item.cells[f] = chained.cell;
      if (chained.start !== chained.cell) (item.starts ??= {})[f] = chained.start;
    }
    measuresKey.set(item, chains.measures(r).key);
    const prev = seen.get(code);
    if (prev) {
      problems.push({
        kind: "duplicate-code",
        code,
        cell: addr(r, columns.code),
        message: msg(
          `รหัส ${code} ซ้ำ (แถว ${prev.row} และ ${r})`,
          `Code ${code} appears twice (rows ${prev.row} and ${r})`
        ),
      });
      continue;
    }
    seen.set(code, item);
    items.push(item);
  }
  for (const cat of formDef.items) {
    if (!seen.has(cat.code)) {
      problems.push({
        kind: "missing-item",
        code: cat.code,
        message: msg(`ไม่พบแถวของข้อ ${cat.code} ในชีต`, `No row for item ${cat.code} on the sheet`),
      });
    }
  }
  items.sort((a, b) => formDef.byCode.get(a.code)!.order - formDef.byCode.get(b.code)!.order);
  shareMeasures(grid, items, measuresKey, formDef);
  countPhotos(grid, items, columns.evidence);
  // What prints cut off: the title, the header and the body in the five official columns. Measured
  // when first asked (validation asks; a merge never does, and the text layout is most of a read's
  // time), and not copied with the sheet (a worker's read crosses without it).
  const wide = new Set(grid.merges.filter((m) => m.c2 > m.c1).map((m) => `${m.r1}:${m.c1}`));
  const measure = (): CutOff[] | null =>
    // Without merged areas (Office.js before ExcelApi 1.13) a title or a group's cell would be
    // measured at one column's width: no check rather than a wrong one.
    grid.mergesKnown === false
      ? null
      : cutOffs(grid, {
          firstRow: Math.max(1, header.row - 2),
          lastRow: grid.rowCount,
          cols: [columns.item, ...TEXT_FIELDS.map((f) => columns[f])],
          font: (r, c) => ({ size: FONT.size, bold: r <= header.row || wide.has(`${r}:${c}`) }),
        });

  const form: FormSheet = {
    sheet: grid.name,
    formId,
    formVersion,
    formDef: formDef,
    unit: { value: unit, raw: unitF.raw, cell: unitF.cell },
    fiscalYear: { value: parseYear(fyF.raw), raw: fyF.raw, cell: fyF.cell },
    round: { value: parseRound(roundF.raw), raw: roundF.raw, cell: roundF.cell },
    passMark: { value: passMarkOf(grid, pmF), raw: pmF.raw, cell: pmF.cell },
    preparer: { value: prepF.raw || null, raw: prepF.raw, cell: prepF.cell },
    headerRow: header.row,
    columns,
    items,
    problems,
    carried: carriedFromMeta(stored),
    continues: markerContinues(marker?.raw ?? ""),
  };
  form.strays = strayCells(form, grid);
  return withLazyCutOffs(form, measure);
}

/** `cutOffs` computed on first read, then kept; not enumerable, so a copy of the sheet leaves it. */
function withLazyCutOffs(form: FormSheet, measure: () => CutOff[] | null): FormSheet {
  Object.defineProperty(form, "cutOffs", {
    configurable: true,
    enumerable: false,
    get() {
      const value = measure();
      Object.defineProperty(form, "cutOffs", { value, enumerable: false, configurable: true });
      return value;
    },
  });
  return form;
}

/** The item code of a row: the code column, or a code at the start of the item text. */
function rowCode(grid: CellGrid, r: number, columns: Record<ColumnKey, number>): string | null {
  const codeCell = cellText(grid.raw(r, columns.code));
  if (codeCell) {
    const c = normalizeCode(codeCell) ?? leadingCode(codeCell)?.code ?? null;
    if (c) return c;
  }
  const itemCell = cellText(grid.raw(r, columns.item));
  return itemCell && !isContinuedLabel(itemCell) ? (leadingCode(itemCell)?.code ?? null) : null;
}

function parseYear(raw: string): number | null {
  const m = /\d{4}/.exec(thaiDigitsToAscii(raw));
  return m ? Number(m[0]) : null;
}

function parseRound(raw: string): number | null {
  const m = /\d+/.exec(thaiDigitsToAscii(raw));
  return m ? Number(m[0]) : null;
}

/** A text's words only: what two copies of one text share however each was wrapped or split. */
const squashed = (t: string) => t.replace(/[\s\u2060…]+/g, "");

const PREFILLED = new WeakMap<FormDef, string[]>();

/** The texts a form prefills (its standard issues, split over a page like any text), squashed; once a form. */
function prefilled(formDef: FormDef): string[] {
  let list = PREFILLED.get(formDef);
  if (!list) {
    list = [...new Set(formDef.items.map((it) => squashed(it.issue)).filter(Boolean))];
    PREFILLED.set(formDef, list);
  }
  return list;
}

/**
 * Whether `rest` is the rest of the form's text `known` after a first part `head` that is not its
 * beginning (all three squashed): the first part was cleared, or typed over with another text.
 */
function isTailOfKnown(known: string, head: string, rest: string): boolean {
  return (
    rest.length > 0 &&
    rest.length < known.length &&
    known.endsWith(rest) &&
    (!head || !known.startsWith(head))
  );
}

/** A text cell's text with its continuations joined, and which text it is (cells of one text share a key). */
interface Chained {
  text: string;
  key: string;
  /** The cell the user sees for the row: the merged area's top-left, or the part above it. */
  cell: string;
  /** The cell the text begins in (its first part). */
  start: string;
}

/**
 * The texts of one column below the header: a cell (or merged area) whose text starts with "(ต่อ)" —
 * the layout splits a text too long for a page that way — continues the text above it in the column.
 */
function columnChains(
  grid: CellGrid,
  resolve: (row: number, col: number) => { row: number; col: number },
  col: number,
  /** The body's rows that may hold something (rowsFrom), ascending. */
  bodyRows: readonly number[],
  isItemRow: (row: number) => boolean,
  /**
   * Rows whose empty cell belongs to the text above (without merge information, a measure group's
   * member inside the group's merged cell).
   */
  insideAbove: (row: number) => boolean = () => false,
  /** A "(ต่อ)" part whose text the cell above already holds in full (that cell typed over). */
  onStale: (cells: string[], head: string) => void = () => {},
  /**
   * A "(ต่อ)" part left from a text whose first part was cleared or typed over with another text:
   * `isTailOf` says whether a part is the rest of a text the form prefills (a standard issue).
   */
  onOrphan: (cell: string, head: string) => void = () => {},
  isTailOf: (head: string, rest: string) => boolean = () => false
): (row: number) => Chained {
  const mark = CONTINUED.trim();
  const spans = new Map(grid.merges.map((m) => [`${m.r1}:${m.c1}`, m.r2]));
  const coversItem = (top: number) => {
    for (let r = top; r <= (spans.get(`${top}:${col}`) ?? top); r++) if (isItemRow(r)) return true;
    return false;
  };
  const texts: string[] = [];
  /** The cell each text begins in. */
  const firstCells: string[] = [];
  const chainOf = new Map<string, number>();
  const visible = new Map<string, string>();
  // Per text, the "(ต่อ)" parts its first cell already holds in full (typed over), and that cell.
  const stale = new Map<number, { head: string; cells: string[] }>();
  let last = -1;
  let lastCell = "";
  for (const r of bodyRows) {
    const a = resolve(r, col);
    const key = `${a.row}:${a.col}`;
    if (chainOf.has(key)) continue;
    if (a.col !== col) {
      // A cell merged across the columns (a heading): no text of this column continues over it.
      chainOf.set(key, -1);
      last = -1;
      continue;
    }
    const t = cellText(grid.raw(a.row, a.col));
    if (!t && last >= 0 && insideAbove(a.row)) {
      chainOf.set(key, last);
      visible.set(key, lastCell);
      continue;
    }
    if (!t && !coversItem(a.row)) {
      // An empty cell on rows of no item (rows a user inserted): not a text of its own.
      chainOf.set(key, -1);
      continue;
    }
    if (t.startsWith(mark) && last >= 0) {
      const rest = t.slice(mark.length).trimStart();
      // The part above no longer ends where the layout split it ("…") and already holds this
      // part's words: the user typed the whole text over the first part. Joining would read it twice.
      const leftover = stale.get(last);
      if (
        rest &&
        (leftover || !texts[last].endsWith(MORE)) &&
        squashed(texts[last]).includes(squashed(rest))
      ) {
        if (leftover) leftover.cells.push(addr(a.row, a.col));
        else stale.set(last, { head: lastCell, cells: [addr(a.row, a.col)] });
      } else if (rest) {
        // Its first part cleared, or typed over with another text while the rest of the form's
        // own text stays below: read as written, said so.
        if (!texts[last].endsWith(MORE) && isTailOf(texts[last], rest))
          onOrphan(addr(a.row, a.col), lastCell);
        texts[last] = joinParts(texts[last], rest);
      }
      chainOf.set(key, last);
    } else {
      // Empty cells are texts too (still to be written), so that a "(ต่อ)" below one joins it.
      texts.push(t.startsWith(mark) ? t.slice(mark.length).trimStart() : t);
      firstCells.push(addr(a.row, a.col));
      last = texts.length - 1;
      chainOf.set(key, last);
    }
    lastCell = addr(a.row, a.col);
  }
  for (const { head, cells } of stale.values()) onStale(cells, head);
  return (row) => {
    const a = resolve(row, col);
    const key = `${a.row}:${a.col}`;
    const id = chainOf.get(key) ?? -1;
    const cell = visible.get(key) ?? addr(a.row, a.col);
    return id < 0
      ? { text: "", key: `area ${a.row}:${a.col}`, cell, start: cell }
      : { text: texts[id], key: `text ${id}`, cell, start: firstCells[id] };
  };
}

/** Items in one measures text (one merged cell, or its parts) share it; without merges, see below. */
function shareMeasures(
  grid: CellGrid,
  items: ReadItem[],
  measuresKey: ReadonlyMap<ReadItem, string>,
  formDef: FormDef
): void {
  const byKey = new Map<string, ReadItem[]>();
  for (const it of items) {
    const key = measuresKey.get(it)!;
    byKey.set(key, [...(byKey.get(key) ?? []), it]);
  }
  for (const group of byKey.values())
    for (const it of group) it.sharedWith = group.filter((o) => o !== it).map((o) => o.code);
  if (grid.mergesKnown !== false) return;
  // The source cannot tell merged cells: an item of a measure group with nothing of its own takes the
  // text of the group's item above it, as the merged cell the layout writes would give it.
  let carrier: ReadItem | null = null;
  for (const it of items) {
    const group = formDef.byCode.get(it.code)!.measureGroup;
    const own = SHARED_FIELDS.some((f) => it[f] !== "");
    const sameGroup = carrier !== null && formDef.byCode.get(carrier.code)!.measureGroup === group;
    if (own || group === it.code || !sameGroup) {
      carrier = own ? it : null;
      continue;
    }
    const from = carrier!;
    for (const f of SHARED_FIELDS) {
      it[f] = from[f];
      it.cells[f] = from.cells[f];
      const start = from.starts?.[f];
      if (start) (it.starts ??= {})[f] = start;
    }
    const members = [from, ...items.filter((o) => from.sharedWith.includes(o.code))];
    for (const m of members) m.sharedWith.push(it.code);
    it.sharedWith = members.map((m) => m.code);
  }
}

/** Pictures whose top-left anchor lies in an item's evidence cell (or the merged area it is part of). */
function countPhotos(grid: CellGrid, items: ReadItem[], evidenceCol: number): void {
  const pictures = grid.pictures ?? [];
  if (!pictures.length) return;
  const areas = new Map(grid.merges.map((m) => [`${m.r1}:${m.c1}`, m]));
  const resolve = mergeResolver(grid);
  for (const it of items) {
    const a = resolve(it.row, evidenceCol);
    const area = areas.get(`${a.row}:${a.col}`) ?? {
      r1: it.row,
      c1: evidenceCol,
      r2: it.row,
      c2: evidenceCol,
    };
    it.photos = pictures.filter(
      (p) => p.row >= area.r1 && p.row <= area.r2 && p.col >= area.c1 && p.col <= area.c2
    ).length;
  }
}

const scoreMaps = new WeakMap<FormSheet, ReadonlyMap<string, number | null>>();

/** A read form's item scores by code: built once per form, whoever asks (merge, views, comparison). */
export function scoresOf(form: FormSheet): ReadonlyMap<string, number | null> {
  let scores = scoreMaps.get(form);
  if (!scores) {
    scores = new Map(form.items.map((i) => [i.code, i.score]));
    scoreMaps.set(form, scores);
  }
  return scores;
}
