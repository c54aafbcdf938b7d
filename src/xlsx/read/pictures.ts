/**
 * Pictures on a worksheet, as the cell of their top-left corner (1-based): pictures floating over the
 * sheet (drawing parts found through the sheet's relationships, `xdr:pic` in a two-cell or one-cell
 * anchor; charts and shapes are not pictures, an absolute anchor has no cell) and pictures placed in
 * a cell (Excel 365: a cell with value metadata pointing at a `_localImage` rich value).
 */
import { overLimit } from "./errors";
import { READ_LIMITS } from "./limits";
import { Package } from "./opc";
import { NS, nsAttr, xsdIndex } from "./xml";

export interface CellPos {
  row: number;
  col: number;
}

const has = (ns: readonly string[], uri: string) => ns.includes(uri);

/** A picture of a drawing part: its anchor cell, and the relationship of its image (`r:embed`). */
interface DrawnPicture extends CellPos {
  embed: string | null;
}

/** DrawingML's main namespace (`a:blip`), transitional and strict. */
const DRAWINGML = [
  "http://schemas.openxmlformats.org/drawingml/2006/main",
  "http://purl.oclc.org/ooxml/drawingml/main",
];

/** The pictures of one drawing part, each with its anchor cell and image relationship. */
function scanDrawing(pkg: Package, drawing: string, count: () => void): DrawnPicture[] {
  const out: DrawnPicture[] = [];
  let anchor: { cell: boolean; row: number; col: number; embeds: (string | null)[] } | null = null;
  let inFrom = false;
  let field: "row" | "col" | null = null;
  let text = "";
  // Inside markup-compatibility alternatives only one branch counts (Choice and Fallback repeat
  // it): the branch with the most pictures.
  const alts: { best: (string | null)[]; cur: (string | null)[] }[] = [];
  const pics = () => (alts.length ? alts[alts.length - 1].cur : anchor!.embeds);
  let inPic = 0;
  pkg.xml(drawing, {
    open: (uri, local, a, lookup) => {
      if (has(NS.mc, uri)) {
        if (local === "AlternateContent") alts.push({ best: [], cur: [] });
        else if ((local === "Choice" || local === "Fallback") && alts.length)
          alts[alts.length - 1].cur = [];
        return;
      }
      if (inPic && local === "blip" && DRAWINGML.includes(uri)) {
        const list = pics();
        if (list.length && list[list.length - 1] === null)
          list[list.length - 1] = nsAttr(a, lookup, NS.rel, "embed") ?? null;
        return;
      }
      if (!has(NS.xdr, uri)) return;
      if (!anchor) {
        if (local === "twoCellAnchor" || local === "oneCellAnchor" || local === "absoluteAnchor")
          anchor = { cell: local !== "absoluteAnchor", row: -1, col: -1, embeds: [] };
        return;
      }
      if (local === "from") inFrom = true;
      else if (inFrom && (local === "row" || local === "col")) {
        field = local;
        text = "";
      } else if (local === "pic") {
        inPic++;
        pics().push(null);
      }
    },
    close: (uri, local) => {
      if (has(NS.mc, uri)) {
        const top = alts[alts.length - 1];
        if (!top) return;
        if (local === "Choice" || local === "Fallback") {
          if (top.cur.length > top.best.length) top.best = top.cur;
        } else if (local === "AlternateContent") {
          alts.pop();
          if (alts.length) alts[alts.length - 1].cur.push(...top.best);
          else if (anchor) anchor.embeds.push(...top.best);
        }
        return;
      }
      if (!has(NS.xdr, uri) || !anchor) return;
      if (local === "pic") inPic = Math.max(0, inPic - 1);
      else if (field && local === field) {
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
        for (const embed of a.embeds) {
          count();
          out.push({ row: a.row + 1, col: a.col + 1, embed });
        }
      }
    },
    text: (s) => {
      if (field) text += s;
    },
  });
  return out;
}

/** Pictures anchored on a sheet by its drawing parts. */
export function drawingPictures(pkg: Package, sheetPath: string): CellPos[] {
  return drawnPictures(pkg, sheetPath).map(({ row, col }) => ({ row, col }));
}

function drawnPictures(pkg: Package, sheetPath: string): (DrawnPicture & { drawing: string })[] {
  const out: (DrawnPicture & { drawing: string })[] = [];
  let n = 0;
  const count = () => {
    if (n++ >= READ_LIMITS.pictures) throw tooMany(pkg);
  };
  for (const rel of pkg.related(sheetPath, "drawing")) {
    if (!pkg.has(rel.target!)) continue;
    for (const p of scanDrawing(pkg, rel.target!, count)) out.push({ ...p, drawing: rel.target! });
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

/** A picture floating over a sheet, with its bytes: what laying the sheet out again carries over. */
export interface SheetImage {
  /** The cell of its top-left corner (1-based) and the corner's offset into it, in points. */
  row: number;
  col: number;
  rowOffPt: number;
  colOffPt: number;
  /**
   * Its size in points, as the drawing gives it (the anchor's extent, else the picture's own), or
   * null when it gives none — then `to`, the cell of its bottom-right corner (a two-cell anchor).
   */
  widthPt: number | null;
  heightPt: number | null;
  to: { row: number; col: number; rowOffPt: number; colOffPt: number } | null;
  /** The picture file, and its type from the part's name ("png", "jpeg", "gif"). */
  bytes: Uint8Array;
  extension: string;
  /** PNG, JPEG or another format, by the image's first bytes (what can be put into Excel again). */
  format: "png" | "jpeg" | "other";
  name: string;
}

function imageFormat(bytes: Uint8Array): SheetImage["format"] {
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47)
    return "png";
  return bytes[0] === 0xff && bytes[1] === 0xd8 ? "jpeg" : "other";
}

const EMU_PER_PT = 12700;

/**
 * The pictures of a sheet's drawings with their bytes (through the drawing's relationships to its
 * media parts) and where they sit. Pictures in one-cell and two-cell anchors only (an absolute
 * anchor has no cell); inside markup-compatibility alternatives, the first branch with pictures.
 */
export function drawingImages(pkg: Package, sheetPath: string): SheetImage[] {
  const out: SheetImage[] = [];
  for (const rel of pkg.related(sheetPath, "drawing")) {
    const drawing = rel.target!;
    if (!pkg.has(drawing)) continue;
    const media = new Map(pkg.rels(drawing).map((r) => [r.id, r.target]));
    type Pos = { row: number; col: number; rowOff: number; colOff: number };
    let anchor: {
      cell: boolean;
      from: Pos;
      to: Pos | null;
      pics: { embed: string | null; name: string; cx: number | null; cy: number | null }[];
      ext: { cx: number; cy: number } | null;
    } | null = null;
    let inFrom = false;
    let inTo = false;
    let field: keyof Pos | null = null;
    let text = "";
    let pic: { embed: string | null; name: string; cx: number | null; cy: number | null } | null =
      null;
    let altDepth = 0;
    let altTaken = false;
    let inBranch = false;
    let skipBranch = false;
    pkg.xml(drawing, {
      open: (uri, local, a, lookup) => {
        if (has(NS.mc, uri)) {
          if (local === "AlternateContent") {
            altDepth++;
            altTaken = false;
          } else if ((local === "Choice" || local === "Fallback") && altDepth) {
            inBranch = true;
            skipBranch = altTaken;
          }
          return;
        }
        if (skipBranch) return;
        if (has(NS.xdr, uri)) {
          if (!anchor) {
            if (
              local === "twoCellAnchor" ||
              local === "oneCellAnchor" ||
              local === "absoluteAnchor"
            )
              anchor = {
                cell: local !== "absoluteAnchor",
                from: { row: -1, col: -1, rowOff: 0, colOff: 0 },
                to: null,
                pics: [],
                ext: null,
              };
            return;
          }
          if (local === "from") inFrom = true;
          else if (local === "to") {
            inTo = true;
            anchor.to = { row: -1, col: -1, rowOff: 0, colOff: 0 };
          } else if (
            (inFrom || inTo) &&
            (local === "row" || local === "col" || local === "rowOff" || local === "colOff")
          ) {
            field = local;
            text = "";
          } else if (local === "pic") pic = { embed: null, name: "", cx: null, cy: null };
          else if (local === "cNvPr" && pic) pic.name = a.name ?? "";
          else if (local === "ext" && !pic) {
            const cx = xsdIndex(a.cx);
            const cy = xsdIndex(a.cy);
            if (cx !== null && cy !== null) anchor.ext = { cx, cy };
          }
          return;
        }
        if (!pic || !DRAWINGML.includes(uri)) return;
        if (local === "blip") pic.embed = nsAttr(a, lookup, NS.rel, "embed") ?? null;
        else if (local === "ext" && pic.cx === null) {
          // The picture's own extent (in a:xfrm); some writers leave it 0 and size the anchor.
          const cx = xsdIndex(a.cx);
          const cy = xsdIndex(a.cy);
          if (cx && cy) {
            pic.cx = cx;
            pic.cy = cy;
          }
        }
      },
      close: (uri, local) => {
        if (has(NS.mc, uri)) {
          if ((local === "Choice" || local === "Fallback") && inBranch) {
            if (!skipBranch && anchor && (anchor as { pics: unknown[] }).pics.length)
              altTaken = true;
            inBranch = false;
            skipBranch = false;
          } else if (local === "AlternateContent") altDepth--;
          return;
        }
        if (skipBranch || !has(NS.xdr, uri) || !anchor) return;
        const an = anchor as NonNullable<typeof anchor>;
        if (field && local === field) {
          const n = xsdIndex(text.trim());
          if (n !== null) (inTo && an.to ? an.to : an.from)[field] = n;
          field = null;
        } else if (local === "from") inFrom = false;
        else if (local === "to") inTo = false;
        else if (local === "pic" && pic) {
          an.pics.push(pic);
          pic = null;
        } else if (
          local === "twoCellAnchor" ||
          local === "oneCellAnchor" ||
          local === "absoluteAnchor"
        ) {
          anchor = null;
          if (!an.cell || an.from.row < 0 || an.from.col < 0) return;
          for (const p of an.pics) {
            const target = p.embed ? media.get(p.embed) : null;
            const bytes = target ? pkg.part(target) : null;
            if (!bytes) continue;
            if (out.length >= READ_LIMITS.pictures) throw tooMany(pkg);
            const cx = an.ext?.cx || p.cx || null;
            const cy = an.ext?.cy || p.cy || null;
            const to = an.to && an.to.row >= 0 && an.to.col >= 0 ? an.to : null;
            out.push({
              row: an.from.row + 1,
              col: an.from.col + 1,
              rowOffPt: an.from.rowOff / EMU_PER_PT,
              colOffPt: an.from.colOff / EMU_PER_PT,
              widthPt: cx === null ? null : cx / EMU_PER_PT,
              heightPt: cy === null ? null : cy / EMU_PER_PT,
              to: to && {
                row: to.row + 1,
                col: to.col + 1,
                rowOffPt: to.rowOff / EMU_PER_PT,
                colOffPt: to.colOff / EMU_PER_PT,
              },
              bytes,
              extension: (/\.([a-z0-9]+)$/i.exec(target!)?.[1] ?? "png")
                .toLowerCase()
                .replace("jpg", "jpeg"),
              format: imageFormat(bytes),
              name: p.name,
            });
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
