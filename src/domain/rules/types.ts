import { FormItem, ToolId } from "../catalog";
import { FormSheet, ReadItem } from "../layout/read";
import { Msg } from "../text";

export type Severity = "error" | "warning";

export interface Issue {
  code: string | null;
  cell: string | null;
  rule: string;
  severity: Severity;
  message: Msg;
}

export interface Flag {
  code: string;
  score: number;
  cell: string;
}

export interface ValidateOptions {
  /** Pass mark; defaults to the workbook's, then 85. */
  threshold?: number;
  /** Today, for the plausibility of the fiscal year. */
  now?: Date;
  /**
   * Whether to measure how the sheet prints (rules with `measuresPrint`); default true. A merge
   * leaves it out: its counts speak of what units reported, and laying out every text is most of
   * a merge's reading time.
   */
  print?: boolean;
}

export interface RuleContext {
  passMark: number;
  round: number | null;
  flagged: boolean;
  cat: FormItem;
  /**
   * Other items of the item's measure group whose measures are the same text in cells of their own
   * (a copy, as splitting an item off its group leaves it), not one shared cell.
   */
  copiedFrom: string[];
  /**
   * The item's results cell is still word for word the text carried from an earlier report (set on
   * the first item of a shared cell only, so that a cell is warned about once): that report's
   * name, and the items sharing the cell.
   */
  resultsCarried: { report: Msg; codes: string[] } | null;
}

/** Where an item rule applies: all items, or some tools, or some indicators. */
export interface Scope {
  tools?: readonly ToolId[];
  indicators?: readonly number[];
}

/**
 * A rule on one item: data, not code paths. `test` answers "is this item in violation?"; the
 * severity may depend on the report round.
 */
export interface ItemRule {
  id: string;
  scope?: Scope;
  field: "score" | "issue" | "measures" | "results" | "evidence";
  severity: Severity | { 6: Severity; 12: Severity };
  test: (item: ReadItem, ctx: RuleContext) => boolean;
  message: (item: ReadItem, ctx: RuleContext) => Msg;
}

/** Rules on the report as a whole: metadata, and the layout problems the reader met. */
export interface ReportRule {
  id: string;
  severity: Severity;
  /** The rule lays the sheet's texts out as they print (costly; skipped with `print: false`). */
  measuresPrint?: boolean;
  check: (
    form: FormSheet,
    now: Date
  ) => { code?: string | null; cell?: string | null; message: Msg }[];
}
