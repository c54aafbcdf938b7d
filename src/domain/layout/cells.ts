import { Formula } from "./formula";

/** A cell of the rendered sheet: text, a number, empty, or one of the layout's own formulas. */
export type CellValue = string | number | null | Formula;
