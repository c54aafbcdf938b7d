import { Catalog, CatalogItem, findForm } from "../catalog";
import { leadingCode, normalizeCode } from "../codes";
import { parsePassMark, parseScore, ScoreParse } from "../score";
import { cleanText, foldKey, Msg, msg, thaiDigitsToAscii } from "../text";
import { ReasonError } from "../errors";
import { TEXT_FIELDS, TextField } from "../report";
import { resolveUnit, Unit } from "../units";
import { addr } from "./a1";
import { CellGrid, GridCell, mergeResolver } from "./grid";
import { COLUMNS, ColumnKey, META, META_LABEL_COLS, MetaKey } from "./spec";

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
  issue: string;
  measures: string;
  results: string;
  evidence: string;
}

export interface ReadMeta<T> {
  value: T | null;
  raw: string;
  cell: string | null;
}

/** A problem met while reading the layout itself (not a validation rule on the content). */
export interface ReadProblem {
  kind: "unknown-code" | "duplicate-code" | "missing-item" | "column-moved" | "meta-sheet-mismatch";
  code?: string;
  cell?: string;
  message: Msg;
}

export interface ReadForm {
  sheet: string;
  formId: string | null;
  formVersion: string | null;
  /** The catalog the sheet was read against. */
  catalog: Catalog;
  unit: ReadMeta<Unit>;
  fiscalYear: ReadMeta<number>;
  round: ReadMeta<number>;
  passMark: ReadMeta<number>;
  preparer: ReadMeta<string>;
  headerRow: number;
  columns: Record<ColumnKey, number>;
  items: ReadItem[];
  problems: ReadProblem[];
}

export class NotAFormError extends ReasonError {
  constructor(
    readonly sheet: string,
    reason: Msg
  ) {
    super(reason);
  }
}

/** Text of a cell as the reader sees it: numbers in plain notation, text cleaned. */
export function cellText(v: GridCell): string {
  if (v === null) return "";
  if (typeof v === "number") return String(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return cleanText(v);
}

const HEADER_SCAN_ROWS = 60;

/** Locate the header row: the row holding the header labels of the layout's columns. */
function findHeader(
  grid: CellGrid,
  catalog: Catalog
): { row: number; columns: Record<ColumnKey, number>; moved: ColumnKey[] } | null {
  const labels = COLUMNS.map((c) => ({
    key: c.key,
    label: foldKey(
      c.header === "fromForm" ? catalog.columns[c.key as keyof Catalog["columns"]].th : c.header.th
    ),
  }));
  const maxRow = Math.min(grid.rowCount, HEADER_SCAN_ROWS);
  for (let r = 1; r <= maxRow; r++) {
    const found: Partial<Record<ColumnKey, number>> = {};
    for (let c = 1; c <= Math.min(grid.colCount, 40); c++) {
      const t = foldKey(cellText(grid.raw(r, c)));
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

/** Find a metadata label in the rows above the header; the value is the next non-empty cell to its right. */
function findMeta(
  grid: CellGrid,
  headerRow: number,
  key: MetaKey
): { raw: string; cell: string } | null {
  const spec = META.find((m) => m.key === key)!;
  const label = foldKey(spec.label.th);
  for (let r = 1; r < headerRow; r++) {
    for (let c = 1; c <= Math.min(grid.colCount, 12); c++) {
      const t = foldKey(cellText(grid.raw(r, c)));
      if (!t || !t.startsWith(label)) continue;
      for (let v = c + 1; v <= Math.min(grid.colCount, c + 8); v++) {
        const raw = cellText(grid.raw(r, v));
        if (raw) return { raw, cell: addr(r, v) };
      }
      return { raw: "", cell: addr(r, Math.max(c + 1, META_LABEL_COLS.c2 + 1)) };
    }
  }
  return null;
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
  fallbackCatalog: Catalog,
  stored: StoredMeta = new Map()
): ReadForm {
  // Which form: the visible marker, else the hidden metadata, else the fallback.
  let formId: string | null = null;
  let formVersion: string | null = null;
  let catalog = fallbackCatalog;
  const header0 = findHeader(grid, fallbackCatalog);
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
  if (formId && formVersion) catalog = findForm(formId, formVersion) ?? fallbackCatalog;
  const header = catalog === fallbackCatalog ? header0 : (findHeader(grid, catalog) ?? header0);

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

  const metaField = (key: MetaKey, storedKey: string) => {
    const m = findMeta(grid, header.row, key);
    const raw = m?.raw || stored.get(storedKey) || "";
    return { raw, cell: m?.cell ?? null };
  };
  const unitF = metaField("unit", "unit");
  const storedUnitCode = stored.get("unitCode");
  const unit = resolveUnit(unitF.raw) ?? (storedUnitCode ? resolveUnit(storedUnitCode) : null);
  const fyF = metaField("fiscalYear", "fiscalYear");
  const roundF = metaField("round", "round");
  const pmF = metaField("passMark", "passMark");
  const prepF = metaField("preparer", "preparer");

  const resolve = mergeResolver(grid);
  const at = (r: number, c: number): GridCell => {
    const a = resolve(r, c);
    return grid.raw(a.row, a.col);
  };

  const items: ReadItem[] = [];
  const seen = new Map<string, ReadItem>();
  const { columns } = header;
  for (let r = header.row + 1; r <= grid.rowCount; r++) {
    const code = rowCode(grid, r, columns);
    if (!code) continue;
    const cat: CatalogItem | undefined = catalog.byCode.get(code);
    if (!cat) {
      problems.push({
        kind: "unknown-code",
        code,
        cell: addr(r, columns.code),
        message: msg(
          `รหัส ${code} ไม่มีในแบบฟอร์ม ${catalog.version}`,
          `Code ${code} is not in form ${catalog.version}`
        ),
      });
      continue;
    }
    const scoreRaw = grid.raw(r, columns.score);
    const scoreParse = parseScore(typeof scoreRaw === "boolean" ? String(scoreRaw) : scoreRaw);
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
    };
    for (const f of TEXT_FIELDS) item[f] = cellText(at(r, columns[f]));
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
  for (const cat of catalog.items) {
    if (!seen.has(cat.code)) {
      problems.push({
        kind: "missing-item",
        code: cat.code,
        message: msg(`ไม่พบแถวของข้อ ${cat.code} ในชีต`, `No row for item ${cat.code} on the sheet`),
      });
    }
  }
  items.sort((a, b) => catalog.byCode.get(a.code)!.order - catalog.byCode.get(b.code)!.order);

  return {
    sheet: grid.name,
    formId,
    formVersion,
    catalog,
    unit: { value: unit, raw: unitF.raw, cell: unitF.cell },
    fiscalYear: { value: parseYear(fyF.raw), raw: fyF.raw, cell: fyF.cell },
    round: { value: parseRound(roundF.raw), raw: roundF.raw, cell: roundF.cell },
    passMark: { value: pmF.raw ? parsePassMark(pmF.raw) : null, raw: pmF.raw, cell: pmF.cell },
    preparer: { value: prepF.raw || null, raw: prepF.raw, cell: prepF.cell },
    headerRow: header.row,
    columns,
    items,
    problems,
  };
}

/** The item code of a row: the code column, or a code at the start of the item text. */
function rowCode(grid: CellGrid, r: number, columns: Record<ColumnKey, number>): string | null {
  const codeCell = cellText(grid.raw(r, columns.code));
  if (codeCell) {
    const c = normalizeCode(codeCell) ?? leadingCode(codeCell)?.code ?? null;
    if (c) return c;
  }
  const itemCell = cellText(grid.raw(r, columns.item));
  return itemCell ? (leadingCode(itemCell)?.code ?? null) : null;
}

function parseYear(raw: string): number | null {
  const m = /\d{4}/.exec(thaiDigitsToAscii(raw));
  return m ? Number(m[0]) : null;
}

function parseRound(raw: string): number | null {
  const m = /\d+/.exec(thaiDigitsToAscii(raw));
  return m ? Number(m[0]) : null;
}
