import { z } from "zod";
import { FISCAL_YEAR_RANGE, PASS_MARK_RANGE, ROUNDS } from "../bounds";

const msgSchema = z.object({ th: z.string().min(1), en: z.string().min(1) }).strict();

const itemSchema = z
  .object({
    code: z.string().regex(/^([IE]\d{1,3}|O\d{1,3}-O\d{1,3})$/),
    text: z.string().optional(),
    range: z
      .object({ from: z.number().int().positive(), to: z.number().int().positive() })
      .strict()
      .optional(),
    issue: z.string().min(1),
    standardMeasures: z.array(z.string().min(1)).min(1).optional(),
    measuresFrom: z.string().optional(),
  })
  .strict();

const indicatorSchema = z
  .object({
    number: z.number().int().min(1),
    name: msgSchema,
    items: z.array(itemSchema).min(1),
  })
  .strict();

const toolSchema = z
  .object({
    id: z.enum(["IIT", "EIT", "OIT"]),
    name: msgSchema,
    weight: z.number().positive(),
    indicators: z.array(indicatorSchema).min(1),
  })
  .strict();

/** The shape of one fiscal-year form file under `forms/`. */
export const formDefSchema = z
  .object({
    $comment: z.string().optional(),
    formId: z.string().regex(/^[a-z0-9-]+$/),
    version: z.string().regex(/^\d{4}\.\d+$/),
    fiscalYear: z.number().int().min(FISCAL_YEAR_RANGE.min).max(FISCAL_YEAR_RANGE.max),
    title: msgSchema,
    /** The pass mark a unit's items are held to unless the central office sets another. */
    passMark: z.number().min(PASS_MARK_RANGE.min).max(PASS_MARK_RANGE.max),
    /** The reporting rounds of the year (months after the start of the fiscal year). */
    rounds: z
      .array(z.union(ROUNDS.map((r) => z.literal(r)) as [z.ZodLiteral<6>, z.ZodLiteral<12>]))
      .min(1),
    columns: z
      .object({
        item: msgSchema,
        issue: msgSchema,
        measures: msgSchema,
        results: msgSchema,
        evidence: msgSchema,
      })
      .strict(),
    tools: z.array(toolSchema).length(3),
    /**
     * How this form's items continue those of the form before it, for comparing with last year: per
     * item of this form, the previous form's codes it continues (one: renumbered; the same code under
     * several items: split; several: merged, compared with their mean; none: a new item). Items not
     * listed continue the previous item of the same code, if there is one.
     */
    previous: z
      .object({
        formId: z.string().regex(/^[a-z0-9-]+$/),
        version: z.string().regex(/^\d{4}\.\d+$/),
        items: z.record(z.string(), z.array(z.string().min(1))),
      })
      .strict()
      .optional(),
    /**
     * Typing errors of the source document corrected in this file, each with where it was, the text
     * as the source had it, the text now and why: a reviewer can check each against the source.
     */
    corrections: z
      .array(
        z
          .object({
            code: z.string(),
            field: z.enum(["text", "issue", "standardMeasures"]),
            from: z.string().min(1),
            to: z.string().min(1),
            why: z.string().min(1),
          })
          .strict()
      )
      .optional(),
  })
  .strict();

export type FormDefJson = z.infer<typeof formDefSchema>;
export type ToolId = FormDefJson["tools"][number]["id"];
