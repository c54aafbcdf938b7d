import { corrupt, overLimit } from "./errors";
import { READ_LIMITS } from "./limits";
import { Package } from "./opc";
import { decodeOoxmlEscapes, detached, NS } from "./xml";

/**
 * Collects the text of a string item (`<si>` in the shared strings table, `<is>` in a cell): the
 * `<t>` runs, directly or in rich-text runs, without phonetic guides (`<rPh>`).
 */
const [SML, SML_STRICT] = NS.sml;
const isSml = (uri: string) => uri === SML || uri === SML_STRICT;

export class StringItem {
  private depth = 0;
  private inT = false;
  private rph = 0;
  private buf = "";

  /** Call for every element inside the item (not the item element itself). */
  open(uri: string, local: string): void {
    this.depth++;
    if (uri !== SML && uri !== SML_STRICT) return;
    if (local === "rPh") this.rph++;
    else if (local === "t" && this.rph === 0) this.inT = true;
  }

  close(uri: string, local: string): void {
    this.depth--;
    if (uri !== SML && uri !== SML_STRICT) return;
    if (local === "rPh") this.rph--;
    else if (local === "t") this.inT = false;
  }

  text(s: string): void {
    if (this.inT) this.buf += s;
  }

  /** The item's text, `_xHHHH_` escapes decoded, detached from the part; resets for the next item. */
  take(): string {
    const s = detached(decodeOoxmlEscapes(this.buf));
    this.buf = "";
    this.inT = false;
    this.rph = 0;
    this.depth = 0;
    return s;
  }
}

/** The shared strings table of a workbook (the part its relationship names; none → empty). */
export function readSharedStrings(pkg: Package, path: string | null): string[] {
  const out: string[] = [];
  if (!path) return out;
  const item = new StringItem();
  let inSi = false;
  let depth = 0;
  pkg.xml(path, {
    open: (uri, local) => {
      depth++;
      if (inSi) item.open(uri, local);
      else if (depth === 1 && !(local === "sst" && isSml(uri)))
        throw corrupt(pkg.file, `${path} is not a shared strings table`);
      else if (depth === 2 && local === "si" && isSml(uri)) {
        if (out.length >= READ_LIMITS.sharedStrings)
          throw overLimit(
            pkg.file,
            `มีข้อความใช้ร่วม (shared strings) มากกว่า ${READ_LIMITS.sharedStrings} รายการ`,
            `has more than ${READ_LIMITS.sharedStrings} shared strings`
          );
        inSi = true;
      }
    },
    close: (uri, local) => {
      depth--;
      if (!inSi) return;
      if (depth === 1) {
        inSi = false;
        out.push(item.take());
      } else item.close(uri, local);
    },
    text: (s) => {
      if (inSi) item.text(s);
    },
  });
  return out;
}
