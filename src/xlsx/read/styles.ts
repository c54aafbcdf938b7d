/**
 * The number format of each cell format (`cellXfs`) in the workbook's styles part: its own code
 * (`numFmts`) or one of the built-in ones, by id (ECMA-376 Part 1, 18.8.30 numFmt: ids 0–49 are
 * built in; 27–36 and 50–81 are the East Asian and Thai formats of the same table). The reader needs
 * only this of the styles: a score shown as a percentage or a date is read for what it shows.
 */
import { READ_LIMITS } from "./limits";
import { Package } from "./opc";
import { NS, xsdIndex } from "./xml";

/** Built-in number formats by id, as Excel's table gives them (en-US and th-TH). */
const BUILT_IN: Record<number, string> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "m/d/yyyy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "m/d/yyyy h:mm",
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
  59: "t0",
  60: "t0.00",
  61: "t#,##0",
  62: "t#,##0.00",
  67: "t0%",
  68: "t0.00%",
  69: "t# ?/?",
  70: "t# ??/??",
  71: "ว/ด/ปปปป",
  72: "ว-ดดด-ปป",
  73: "ว-ดดด",
  74: "ดดด-ปป",
  75: "ช:นน",
  76: "ช:นน:ทท",
  77: "ว/ด/ปปปป ช:นน",
  78: "นน:ทท",
  79: "[ช]:นน:ทท",
  80: "นน:ทท.0",
  81: "d/m/bb",
};

/** The East Asian date and time formats (ids 27–36, 50–58), whose codes depend on the locale. */
const builtIn = (id: number): string | null =>
  BUILT_IN[id] ?? ((id >= 27 && id <= 36) || (id >= 50 && id <= 58) ? "yyyy/m/d" : null);

/** Number format codes by cell format index; empty when the workbook has no styles part. */
export function readNumberFormats(pkg: Package, workbookPath: string): string[] {
  const part = pkg.related(workbookPath, "styles")[0]?.target;
  if (!part || !pkg.has(part)) return [];
  const own = new Map<number, string>();
  const xfs: string[] = [];
  let inCellXfs = false;
  let depth = 0;
  pkg.xml(part, {
    open: (uri, local, a) => {
      depth++;
      if (!NS.sml.includes(uri as (typeof NS.sml)[number])) return;
      if (depth === 2) inCellXfs = local === "cellXfs";
      else if (depth === 3 && local === "numFmt") {
        const id = xsdIndex(a.numFmtId);
        if (id !== null && a.formatCode !== undefined) own.set(id, a.formatCode);
      } else if (depth === 3 && inCellXfs && local === "xf" && xfs.length < READ_LIMITS.cells) {
        const id = xsdIndex(a.numFmtId) ?? 0;
        xfs.push(own.get(id) ?? builtIn(id) ?? "General");
      }
    },
    close: () => {
      depth--;
      if (depth === 1) inCellXfs = false;
    },
  });
  return xfs;
}
