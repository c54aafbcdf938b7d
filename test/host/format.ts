/**
 * `range.format`: font, fill, cell protection, alignment, column width, row autofit and borders. Each
 * sub-object is its own object path and each property set its own action, as Office.js sends them
 * (request.ts); that is what makes formatting requests large.
 */
import type ExcelJS from "exceljs";
import type { FakeRange } from "./range";

/** An Office.js colour (`#RRGGBB`) as an ExcelJS ARGB colour. */
export const argb = (color: string) => ({ argb: `FF${color.replace("#", "").toUpperCase()}` });

const pascal = (k: string) => k[0].toUpperCase() + k.slice(1);

const SIDES: Record<string, string> = {
  EdgeTop: "top",
  EdgeBottom: "bottom",
  EdgeLeft: "left",
  EdgeRight: "right",
  InsideVertical: "insideV",
  InsideHorizontal: "insideH",
};

export class FakeFormat {
  readonly _path: number;
  private fontL?: Record<string, unknown>;
  private fillL?: { color?: string; clear: () => void };
  private protectionL?: { locked?: boolean };
  private bordersL?: { getItem: (edge: string) => { style?: string; color?: string } };

  constructor(private readonly range: FakeRange) {
    this._path = range.ctx.request.object("property", "Format", range._path);
  }

  /** A sub-object whose property sets are queued as actions and applied cell by cell. */
  private sub<T extends object>(
    name: string,
    apply: (cell: ExcelJS.Cell, key: string, v: unknown) => void,
    extra: (path: number) => object = () => ({})
  ): T {
    const path = this.range.ctx.request.object("property", name, this._path);
    const what = name.toLowerCase();
    return new Proxy({ ...extra(path) } as T, {
      set: (_t, key: string, v) => {
        this.range.eachCell((cell) => apply(cell, key, v), `format.${what}.${key}`, {
          kind: "set",
          name: pascal(key),
          path,
          args: [v],
        });
        return true;
      },
    });
  }

  get font(): { name?: string; size?: number; bold?: boolean; color?: string } {
    return (this.fontL ??= this.sub("Font", (cell, key, v) => {
      const font = { ...(cell.font ?? {}) } as Record<string, unknown>;
      font[key] = key === "color" ? argb(String(v)) : v;
      cell.font = font as Partial<ExcelJS.Font>;
    }));
  }

  get fill(): { color?: string; clear: () => void } {
    return (this.fillL ??= this.sub(
      "Fill",
      (cell, _key, v) =>
        (cell.fill = { type: "pattern", pattern: "solid", fgColor: argb(String(v)) }),
      (path) => ({
        clear: () =>
          this.range.eachCell(
            (cell) => (cell.fill = undefined as unknown as ExcelJS.Fill),
            "format.fill.clear",
            { kind: "method", name: "Clear", path, args: [] }
          ),
      })
    ));
  }

  get protection(): { locked?: boolean } {
    return (this.protectionL ??= this.sub(
      "Protection",
      (cell, _key, v) => (cell.protection = { locked: Boolean(v) })
    ));
  }

  get borders() {
    if (!this.bordersL) {
      const path = this.range.ctx.request.object("property", "Borders", this._path);
      this.bordersL = { getItem: (edge: string) => this.border(edge, path) };
    }
    return this.bordersL;
  }

  private align(key: "horizontal" | "vertical" | "wrapText", name: string, v: unknown) {
    this.range.eachCell(
      (cell) => (cell.alignment = { ...(cell.alignment ?? {}), [key]: v }),
      `format.${key}`,
      { kind: "set", name, path: this._path, args: [v] }
    );
  }
  set horizontalAlignment(v: string) {
    this.align("horizontal", "HorizontalAlignment", v.toLowerCase());
  }
  set verticalAlignment(v: string) {
    this.align("vertical", "VerticalAlignment", v === "Center" ? "middle" : v.toLowerCase());
  }
  set wrapText(v: boolean) {
    this.align("wrapText", "WrapText", v);
  }
  /** Row heights are not modelled (ExcelJS leaves them to the reader); the call is recorded. */
  autofitRows(): void {
    this.range.forRange("format.autofitRows", () => undefined, {
      kind: "method",
      name: "AutofitRows",
      path: this._path,
      args: [],
    });
  }
  /** Row height in points (ExcelApi 1.1), as the CLI's writer stores it. */
  set rowHeight(pt: number) {
    this.range.forRange(
      "format.rowHeight",
      (s, b) => {
        for (let r = b.r1; r <= b.r2; r++) s.getRow(r).height = pt;
      },
      { kind: "set", name: "RowHeight", path: this._path, args: [pt] }
    );
  }
  set columnWidth(pt: number) {
    this.range.forRange(
      "format.columnWidth",
      (s, b) => {
        for (let c = b.c1; c <= b.c2; c++)
          s.getColumn(c).width = Math.round(((pt / 0.75 - 5) / 7) * 100) / 100;
      },
      { kind: "set", name: "ColumnWidth", path: this._path, args: [pt] }
    );
  }
  private border(edge: string, parent: number) {
    const side = SIDES[edge];
    const path = this.range.ctx.request.object("indexer", "", parent, [edge]);
    const state: { style?: string; color?: string } = {};
    return new Proxy(state, {
      set: (_t, key: string, v) => {
        (state as Record<string, unknown>)[key] = v;
        this.range.forRange(
          `format.borders.${edge}.${key}`,
          (s, b) => {
            for (let r = b.r1; r <= b.r2; r++)
              for (let c = b.c1; c <= b.c2; c++) {
                const sides: string[] = [];
                if (side === "top" && r === b.r1) sides.push("top");
                if (side === "bottom" && r === b.r2) sides.push("bottom");
                if (side === "left" && c === b.c1) sides.push("left");
                if (side === "right" && c === b.c2) sides.push("right");
                if (side === "insideH")
                  sides.push(...(r > b.r1 ? ["top"] : []), ...(r < b.r2 ? ["bottom"] : []));
                if (side === "insideV")
                  sides.push(...(c > b.c1 ? ["left"] : []), ...(c < b.c2 ? ["right"] : []));
                const cell = s.getCell(r, c);
                const border = { ...(cell.border ?? {}) } as Record<string, unknown>;
                for (const sd of sides)
                  border[sd] = {
                    style: "thin",
                    ...(state.color ? { color: argb(state.color) } : {}),
                  };
                cell.border = border as Partial<ExcelJS.Borders>;
              }
          },
          { kind: "set", name: pascal(key), path, args: [v] }
        );
        return true;
      },
    });
  }
}
