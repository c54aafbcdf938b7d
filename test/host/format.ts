/** `range.format`: font, fill, cell protection, alignment, column width, row autofit and borders. */
import type ExcelJS from "exceljs";
import type { FakeRange } from "./range";

/** An Office.js colour (`#RRGGBB`) as an ExcelJS ARGB colour. */
export const argb = (color: string) => ({ argb: `FF${color.replace("#", "").toUpperCase()}` });

export class FakeFormat {
  readonly font: { name?: string; size?: number; bold?: boolean; color?: string };
  readonly fill: { color?: string; clear: () => void };
  readonly protection: { locked?: boolean };
  readonly borders = { getItem: (edge: string) => this.border(edge) };

  constructor(private readonly range: FakeRange) {
    const styleProp = <T extends object>(
      what: string,
      apply: (cell: ExcelJS.Cell, key: string, v: unknown) => void,
      extra: object = {}
    ) =>
      new Proxy({ ...extra } as T, {
        set: (_t, key: string, v) => {
          range.eachCell((cell) => apply(cell, key, v), `format.${what}.${key}`);
          return true;
        },
      });
    this.font = styleProp("font", (cell, key, v) => {
      const font = { ...(cell.font ?? {}) } as Record<string, unknown>;
      font[key] = key === "color" ? argb(String(v)) : v;
      cell.font = font as Partial<ExcelJS.Font>;
    });
    this.fill = styleProp(
      "fill",
      (cell, _key, v) =>
        (cell.fill = { type: "pattern", pattern: "solid", fgColor: argb(String(v)) }),
      {
        clear: () =>
          range.eachCell(
            (cell) => (cell.fill = undefined as unknown as ExcelJS.Fill),
            "format.fill.clear"
          ),
      }
    );
    this.protection = styleProp(
      "protection",
      (cell, _key, v) => (cell.protection = { locked: Boolean(v) })
    );
  }

  private align(key: "horizontal" | "vertical" | "wrapText", v: unknown) {
    this.range.eachCell(
      (cell) => (cell.alignment = { ...(cell.alignment ?? {}), [key]: v }),
      `format.${key}`
    );
  }
  set horizontalAlignment(v: string) {
    this.align("horizontal", v.toLowerCase());
  }
  set verticalAlignment(v: string) {
    this.align("vertical", v === "Center" ? "middle" : v.toLowerCase());
  }
  set wrapText(v: boolean) {
    this.align("wrapText", v);
  }
  /** Row heights are not modelled (ExcelJS leaves them to the reader); the call is recorded. */
  autofitRows(): void {
    this.range.forRange("format.autofitRows", () => undefined);
  }
  set columnWidth(pt: number) {
    this.range.forRange("format.columnWidth", (s, b) => {
      for (let c = b.c1; c <= b.c2; c++)
        s.getColumn(c).width = Math.round(((pt / 0.75 - 5) / 7) * 100) / 100;
    });
  }
  private border(edge: string) {
    const side = (
      {
        EdgeTop: "top",
        EdgeBottom: "bottom",
        EdgeLeft: "left",
        EdgeRight: "right",
        InsideVertical: "insideV",
        InsideHorizontal: "insideH",
      } as Record<string, string>
    )[edge];
    const state: { style?: string; color?: string } = {};
    return new Proxy(state, {
      set: (_t, key: string, v) => {
        (state as Record<string, unknown>)[key] = v;
        this.range.forRange(`format.borders.${edge}.${key}`, (s, b) => {
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
        });
        return true;
      },
    });
  }
}
