/**
 * Pictures on a worksheet, as the cell of their top-left corner (1-based): pictures floating over the
 * sheet (drawing parts found through the sheet's relationships, `xdr:pic` in a two-cell or one-cell
 * anchor; charts and shapes are not pictures, an absolute anchor has no cell) and pictures placed in
 * a cell (Excel 365: a cell with value metadata pointing at a `_localImage` rich value).
 */
import { overLimit } from "./errors";
import { READ_LIMITS } from "./limits";
import { Package } from "./opc";
import { NS, xsdIndex } from "./xml";

export interface CellPos {
  row: number;
  col: number;
}

const has = (ns: readonly string[], uri: string) => ns.includes(uri);

/** Pictures anchored on a sheet by its drawing parts. */
export function drawingPictures(pkg: Package, sheetPath: string): CellPos[] {
  const out: CellPos[] = [];
  for (const rel of pkg.related(sheetPath, "drawing")) {
    if (!pkg.has(rel.target!)) continue;
    let anchor: { cell: boolean; row: number; col: number; pics: number } | null = null;
    let inFrom = false;
    let field: "row" | "col" | null = null;
    let text = "";
    // Inside markup-compatibility alternatives only one branch counts (Choice and Fallback repeat it).
    const alts: { best: number; cur: number }[] = [];
    pkg.xml(rel.target!, {
      open: (uri, local) => {
        if (has(NS.mc, uri)) {
          if (local === "AlternateContent") alts.push({ best: 0, cur: 0 });
          else if ((local === "Choice" || local === "Fallback") && alts.length)
            alts[alts.length - 1].cur = 0;
          return;
        }
        if (!has(NS.xdr, uri)) return;
        if (!anchor) {
          if (local === "twoCellAnchor" || local === "oneCellAnchor" || local === "absoluteAnchor")
            anchor = { cell: local !== "absoluteAnchor", row: -1, col: -1, pics: 0 };
          return;
        }
        if (local === "from") inFrom = true;
        else if (inFrom && (local === "row" || local === "col")) {
          field = local;
          text = "";
        } else if (local === "pic") {
          if (alts.length) alts[alts.length - 1].cur++;
          else anchor.pics++;
        }
      },
      close: (uri, local) => {
        if (has(NS.mc, uri)) {
          const top = alts[alts.length - 1];
          if (!top) return;
          if (local === "Choice" || local === "Fallback") top.best = Math.max(top.best, top.cur);
          else if (local === "AlternateContent") {
            alts.pop();
            if (alts.length) alts[alts.length - 1].cur += top.best;
            else if (anchor) anchor.pics += top.best;
          }
          return;
        }
        if (!has(NS.xdr, uri) || !anchor) return;
        if (field && local === field) {
          const n = xsdIndex(text);
          if (n !== null) anchor[field] = n;
          field = null;
        } else if (local === "from") inFrom = false;
        else if (
          local === "twoCellAnchor" ||
          local === "oneCellAnchor" ||
          local === "absoluteAnchor"
        ) {
          const a = anchor;
          anchor = null;
          if (!a.cell || a.row < 0 || a.col < 0) return;
          for (let i = 0; i < a.pics; i++) {
            if (out.length >= READ_LIMITS.pictures) throw tooMany(pkg);
            out.push({ row: a.row + 1, col: a.col + 1 });
          }
        }
      },
      text: (s) => {
        if (field) text += s;
      },
    });
  }
  return out;
}

function tooMany(pkg: Package) {
  return overLimit(
    pkg.file,
    `มีรูปภาพในชีตมากกว่า ${READ_LIMITS.pictures} รูป`,
    `has more than ${READ_LIMITS.pictures} pictures on a sheet`
  );
}

/** Rich-value structures that are pictures in a cell (inserted, or from the IMAGE function). */
const PICTURE_STRUCTURES = new Set(["_localImage", "_webimage"]);

/**
 * Which value-metadata indexes (`vm`, 1-based) of a workbook are pictures: value metadata → its
 * XLRICHVALUE future-metadata block → rich value → the rich value's structure type.
 */
export function pictureValueMetadata(pkg: Package, workbookPath: string): Set<number> {
  const out = new Set<number>();
  const part = (kind: string) => pkg.related(workbookPath, kind)[0]?.target ?? null;
  const metadataPath = part("sheetMetadata");
  const valuesPath = part("rdRichValue");
  const structuresPath = part("rdRichValueStructure");
  if (!metadataPath || !valuesPath || !structuresPath) return out;
  if (![metadataPath, valuesPath, structuresPath].every((p) => pkg.has(p))) return out;

  const types: string[] = [];
  const future: (number | null)[] = [];
  const values: { t: number; v: number }[] = [];
  let section = "";
  let futureName = "";
  let inBlock = false;
  pkg.xml(metadataPath, {
    open: (uri, local, a) => {
      if (has(NS.sml, uri)) {
        if (local === "metadataType") types.push(a.name ?? "");
        else if (local === "futureMetadata" || local === "valueMetadata") {
          section = local;
          futureName = a.name ?? "";
        } else if (local === "bk") {
          inBlock = true;
          if (section === "futureMetadata" && futureName === "XLRICHVALUE") future.push(null);
        } else if (local === "rc" && section === "valueMetadata" && inBlock)
          values.push({ t: xsdIndex(a.t) ?? 0, v: xsdIndex(a.v) ?? -1 });
      } else if (
        has(NS.richData, uri) &&
        local === "rvb" &&
        section === "futureMetadata" &&
        futureName === "XLRICHVALUE" &&
        future.length
      ) {
        future[future.length - 1] = xsdIndex(a.i);
      }
    },
    close: (uri, local) => {
      if (!has(NS.sml, uri)) return;
      if (local === "bk") inBlock = false;
      else if (local === "futureMetadata" || local === "valueMetadata") section = "";
    },
  });

  const structureOf: number[] = [];
  pkg.xml(valuesPath, {
    open: (uri, local, a) => {
      if (has(NS.richData, uri) && local === "rv") structureOf.push(xsdIndex(a.s) ?? -1);
    },
  });
  const structures: string[] = [];
  pkg.xml(structuresPath, {
    open: (uri, local, a) => {
      if (has(NS.richData, uri) && local === "s") structures.push(a.t ?? "");
    },
  });

  values.forEach((rc, i) => {
    if (types[rc.t - 1] !== "XLRICHVALUE") return;
    const rv = future[rc.v];
    if (rv === null || rv === undefined) return;
    const s = structureOf[rv];
    if (s !== undefined && PICTURE_STRUCTURES.has(structures[s])) out.add(i + 1);
  });
  return out;
}
