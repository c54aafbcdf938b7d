/**
 * The fields of a report item, apart from the schema in report.ts (which loads zod): the layout reads
 * and writes by these names without loading it.
 */
export type FieldKey = "score" | "issue" | "measures" | "results" | "evidence";
export const TEXT_FIELDS = ["issue", "measures", "results", "evidence"] as const;
export type TextField = (typeof TEXT_FIELDS)[number];
