/**
 * From the package to the workbook: `_rels/.rels` → the main part → its sheets through the workbook's
 * relationships. Packages that are not workbooks (OpenDocument, .xlsb, Word, PowerPoint, Numbers, a
 * plain zip) are told apart here, each with its own message.
 */
import { REPORT_PROPERTY } from "../../domain/report/mark";
import { corrupt, formatError, OwnReportError, overLimit, refuse } from "./errors";
import { READ_LIMITS } from "./limits";
import { Package, relKind } from "./opc";
import { detached, NS, nsAttr } from "./xml";

export type SheetState = "visible" | "hidden" | "veryHidden";

export interface XlsxSheet {
  name: string;
  state: SheetState;
  /** The worksheet part, found through the workbook's relationships. */
  path: string;
}

export interface WorkbookParts {
  path: string;
  sheets: XlsxSheet[];
}

const is = (uri: string, ns: readonly string[]) => ns.includes(uri);

/** Why a zip has no workbook: each other format gets its own message. */
function notAWorkbook(pkg: Package): never {
  const file = pkg.file;
  const mimetype = pkg.part("mimetype");
  if (mimetype) {
    const type = new TextDecoder().decode(mimetype.subarray(0, 200)).trim();
    if (type === "application/vnd.oasis.opendocument.spreadsheet") throw formatError(file, "ods");
    if (type.startsWith("application/vnd.oasis.opendocument")) throw formatError(file, "odf");
  }
  const names = pkg.names().map((n) => n.replace(/\\/g, "/"));
  if (names.some((n) => /^Index\/.*\.iwa$/i.test(n) || /^Index\.zip$/i.test(n)))
    throw formatError(file, "numbers");
  if (names.some((n) => /^(xl\/|\[Content_Types\]\.xml$)/i.test(n))) {
    throw refuse(
      file,
      "ไม่ครบ: ไม่มีส่วน _rels/.rels ที่บอกว่าสมุดงานอยู่ที่ใด กรุณาเปิดใน Excel แล้วบันทึกใหม่",
      "is incomplete: it has no _rels/.rels part saying where its workbook is; open it in Excel and save it again"
    );
  }
  throw formatError(file, "zip");
}

/** Whether a Word package is a central report ita wrote: its custom properties carry the mark. */
function ownReport(pkg: Package): boolean {
  let found = false;
  for (const rel of pkg.related("", "custom-properties")) {
    if (!rel.target || !pkg.has(rel.target)) continue;
    // The property's value is the text of its one child (<vt:lpwstr>).
    let property: string | null = null;
    pkg.xml(rel.target, {
      open: (_uri, local, a) => {
        if (local === "property") property = a.name ?? "";
      },
      text: (t) => {
        if (property === REPORT_PROPERTY.name && t.trim() === REPORT_PROPERTY.value) found = true;
      },
      close: (_uri, local) => {
        if (local === "property") property = null;
      },
    });
  }
  return found;
}

/** The workbook part and its worksheets, in workbook order. */
export function readWorkbook(pkg: Package): WorkbookParts {
  const file = pkg.file;
  const main = pkg.related("", "officeDocument")[0];
  if (!main?.target) notAWorkbook(pkg);
  const path = main.target!;
  if (/\.bin$/i.test(path)) throw formatError(file, "xlsb");
  if (!pkg.has(path)) throw corrupt(file, `missing ${path}`);

  const listed: { name: string; state: SheetState; rid: string | undefined }[] = [];
  let root = true;
  pkg.xml(path, {
    open: (uri, local, a, lookup) => {
      if (root) {
        root = false;
        if (local === "workbook" && is(uri, NS.sml)) return;
        if (local === "document" && is(uri, NS.wml)) {
          const e = formatError(file, "docx");
          throw ownReport(pkg) ? new OwnReportError(file, e.reason) : e;
        }
        if (local === "presentation" && is(uri, NS.pml)) throw formatError(file, "pptx");
        throw corrupt(file, `${path} is not a workbook`);
      }
      if (local !== "sheet" || !is(uri, NS.sml)) return;
      if (listed.length >= READ_LIMITS.sheets)
        throw overLimit(
          file,
          `มีชีตมากกว่า ${READ_LIMITS.sheets} ชีต`,
          `has more than ${READ_LIMITS.sheets} sheets`
        );
      const state = a.state === "hidden" || a.state === "veryHidden" ? a.state : "visible";
      // Its own copy: a name sliced from the part would keep the whole part alive with the form.
      listed.push({ name: detached(a.name ?? ""), state, rid: nsAttr(a, lookup, NS.rel, "id") });
    },
  });

  const rels = new Map(pkg.rels(path).map((r) => [r.id, r]));
  const sheets: XlsxSheet[] = [];
  const names = new Set<string>();
  const parts = new Map<string, string>();
  for (const s of listed) {
    const rel = s.rid === undefined ? undefined : rels.get(s.rid);
    if (!s.name || !rel) throw corrupt(file, `sheet "${s.name}" has no part in ${path}`);
    const key = s.name.toLowerCase();
    if (names.has(key)) throw corrupt(file, `two sheets named "${s.name}"`);
    names.add(key);
    // Chart sheets, dialog sheets and macro sheets hold no cells.
    if (relKind(rel.type) !== "worksheet" || !rel.target) continue;
    const other = parts.get(rel.target.toLowerCase());
    if (other !== undefined)
      throw corrupt(file, `sheets "${other}" and "${s.name}" share the part ${rel.target}`);
    parts.set(rel.target.toLowerCase(), s.name);
    if (!pkg.has(rel.target)) throw corrupt(file, `missing ${rel.target} (sheet "${s.name}")`);
    sheets.push({ name: s.name, state: s.state, path: rel.target });
  }
  return { path, sheets };
}
