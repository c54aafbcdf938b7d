/**
 * A small, defensive reader for .xlsx files: just what the form reader needs (sheet names, cell values
 * with formula results, merged ranges). It parses only `<sheetData>` and `<mergeCells>`, so data
 * validations over whole columns, styles and drawings cost nothing, and it never runs or writes anything.
 * Pure: works on bytes in Node (CLI) and in the browser (task pane merge).
 */
import { CellGrid, CellRange, GridCell, META_SHEET, msg, parseRange } from "../../domain";
import { baseName, corrupt, FormFileError, sniff } from "./errors";
import { Inflater, listZip, readEntry, ZipEntry } from "./zip";

export interface XlsxSheet {
  name: string;
  state: "visible" | "hidden" | "veryHidden";
  path: string;
}

export interface XlsxBook {
  file: string;
  sheets: XlsxSheet[];
  grid(sheet: XlsxSheet): CellGrid;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export function decodeXml(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_m, e: string) => {
    if (e[0] === "#") {
      const code =
        e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : "";
    }
    return ENTITIES[e.toLowerCase()] ?? "";
  });
}

/** Excel escapes control characters as _xHHHH_ in text. */
function decodeOoxmlEscapes(s: string): string {
  return s.includes("_x")
    ? s.replace(/_x([0-9A-F]{4})_/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16)))
    : s;
}

function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
    out[m[1]] = decodeXml(m[2] ?? m[3] ?? "");
  return out;
}

/** Concatenated text of the `<t>` runs of a string item, without phonetic runs. */
function textOf(xml: string): string {
  const clean = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "");
  let out = "";
  for (const m of clean.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g))
    out += m[1] ?? "";
  return decodeOoxmlEscapes(decodeXml(out));
}

function colOf(ref: string): { row: number; col: number } | null {
  const m = /^([A-Z]{1,3})(\d+)$/.exec(ref);
  if (!m) return null;
  let c = 0;
  for (const ch of m[1]) c = c * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col: c };
}

/** Largest grid the reader builds (rows × columns); a form has about 70 × 7. */
const MAX_ROWS = 100000;
const MAX_COLS = 200;

export function openXlsx(file: string, bytes: Uint8Array, inflate: Inflater): XlsxBook {
  sniff(file, bytes.subarray(0, 8), bytes.length);
  const entries = listZip(file, bytes);
  const decoder = new TextDecoder("utf-8");
  const text = (path: string, required = true): string => {
    const e: ZipEntry | undefined = entries.get(path) ?? entries.get(path.replace(/^\//, ""));
    if (!e) {
      if (required) throw corrupt(file, `missing ${path}`);
      return "";
    }
    return decoder.decode(readEntry(file, bytes, e, inflate));
  };
  if (entries.has("EncryptedPackage")) {
    throw new FormFileError(
      file,
      msg(`ไฟล์ ${baseName(file)} ถูกตั้งรหัสผ่าน`, `${baseName(file)} is password-protected`)
    );
  }
  const workbook = text("xl/workbook.xml");
  const rels = new Map<string, string>();
  for (const m of text("xl/_rels/workbook.xml.rels").matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    const a = attrs(m[1]);
    if (a.Id && a.Target)
      rels.set(a.Id, a.Target.startsWith("/") ? a.Target.slice(1) : `xl/${a.Target}`);
  }
  const sheets: XlsxSheet[] = [];
  for (const m of workbook.matchAll(/<sheet\b([^>]*)\/?>/g)) {
    const a = attrs(m[1]);
    const path = rels.get(a["r:id"] ?? a.id ?? "");
    if (!a.name || !path) continue;
    sheets.push({
      name: a.name,
      state: (a.state as XlsxSheet["state"]) ?? "visible",
      path: path.replace(/\/\.\//g, "/"),
    });
  }
  let shared: string[] | null = null;
  const sharedStrings = () => {
    if (!shared) {
      const sst = text("xl/sharedStrings.xml", false);
      shared = [...sst.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)].map((m) =>
        m[1] ? textOf(m[1]) : ""
      );
    }
    return shared;
  };

  return {
    file,
    sheets,
    grid(sheet) {
      const xml = text(sheet.path);
      const start = xml.indexOf("<sheetData");
      const end = xml.indexOf("</sheetData>");
      const data = start >= 0 && end > start ? xml.slice(start, end) : "";
      const rows: GridCell[][] = [];
      let colCount = 0;
      let rowNo = 0;
      for (const rm of data.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
        const ra = { r: /\br\s*=\s*"(\d+)"/.exec(rm[1])?.[1] };
        rowNo = ra.r ? Number(ra.r) : rowNo + 1;
        if (!rm[2]) continue;
        if (!Number.isInteger(rowNo) || rowNo < 1 || rowNo > MAX_ROWS)
          throw corrupt(file, `row ${ra.r} on sheet "${sheet.name}"`);
        const out: GridCell[] = [];
        let colNo = 0;
        for (const cm of rm[2].matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
          // Only r and t matter; a targeted match is much cheaper than parsing every attribute.
          const ca = {
            r: /\br\s*=\s*"([^"]*)"/.exec(cm[1])?.[1],
            t: /\bt\s*=\s*"([^"]*)"/.exec(cm[1])?.[1],
          };
          const pos = ca.r ? colOf(ca.r) : null;
          colNo = pos ? pos.col : colNo + 1;
          if (colNo > MAX_COLS) continue;
          const inner = cm[2] ?? "";
          const v = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
          let value: GridCell = null;
          switch (ca.t) {
            case "s":
              value = v === undefined ? null : (sharedStrings()[Number(v)] ?? null);
              break;
            case "inlineStr":
              value = textOf(/<is>([\s\S]*?)<\/is>/.exec(inner)?.[1] ?? "");
              break;
            case "str":
            case "e":
            case "d":
              value = v === undefined ? null : decodeOoxmlEscapes(decodeXml(v));
              break;
            case "b":
              value = v === undefined ? null : v.trim() === "1";
              break;
            default:
              value = v === undefined || v.trim() === "" ? null : Number(v);
              if (typeof value === "number" && !Number.isFinite(value)) value = decodeXml(v!);
          }
          if (value !== null && value !== "") out[colNo - 1] = value;
        }
        if (out.length) {
          rows[rowNo - 1] = out;
          colCount = Math.max(colCount, out.length);
        }
      }
      const merges: CellRange[] = [];
      for (const mm of xml.matchAll(/<mergeCell\b[^>]*\bref\s*=\s*"([^"]+)"/g)) {
        const r = parseRange(mm[1]);
        if (r && r.r2 <= MAX_ROWS) merges.push(r);
      }
      return {
        name: sheet.name,
        rowCount: rows.length,
        colCount,
        raw: (r, c) => rows[r - 1]?.[c - 1] ?? null,
        merges,
      };
    },
  };
}

/** The hidden metadata sheet's rows, by form sheet name. */
export function storedMetadataOf(book: XlsxBook): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  const sheet = book.sheets.find((s) => s.name === META_SHEET);
  if (!sheet) return out;
  const g = book.grid(sheet);
  for (let r = 2; r <= g.rowCount; r++) {
    const [name, key, value] = [1, 2, 3].map((c) => {
      const v = g.raw(r, c);
      return v === null ? "" : String(v);
    });
    if (!name || !key) continue;
    const m = out.get(name) ?? new Map<string, string>();
    m.set(key, value);
    out.set(name, m);
  }
  return out;
}
