import { z } from "zod";

/** One item of a report as the JSON model carries it (`ita read` prints it, `ita scaffold --from` takes it). */
export const reportItemSchema = z.object({
  code: z.string().min(1),
  score: z.number().min(0).max(100).nullable(),
  issue: z.string().default(""),
  measures: z.string().default(""),
  results: z.string().default(""),
  evidence: z.string().default(""),
});

export const reportSchema = z.object({
  formId: z.string().optional(),
  formVersion: z.string().optional(),
  /** Unit name as written (district name or free text). */
  unit: z.string().default(""),
  unitCode: z.string().nullable().optional(),
  fiscalYear: z.number().int(),
  round: z.union([z.literal(6), z.literal(12)]),
  passMark: z.number().min(0).max(100).optional(),
  preparer: z.string().optional(),
  items: z.array(reportItemSchema),
});

export type ReportItem = z.infer<typeof reportItemSchema>;
export type Report = z.infer<typeof reportSchema>;
export * from "./reportFields";
