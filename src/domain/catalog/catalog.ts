import { displayCode } from "../codes";
import { Msg } from "../text";
import { FormFile, formFileSchema, ToolId } from "./schema";

export interface CatalogItem {
  code: string;
  /** As printed in the first column: `I22 ผู้บังคับบัญชา…` or `O1 – O22`. */
  label: string;
  text: string;
  tool: ToolId;
  indicator: number;
  issue: string;
  /** The measures the form suggests for this item (shared by the items of a measure group). */
  standardMeasures: string[];
  /** Code of the item whose measures stand for this one in the form (I2…I4 → I1); itself otherwise. */
  measureGroup: string;
  /** Position in the form, 0-based. */
  order: number;
}

export interface CatalogIndicator {
  number: number;
  name: Msg;
  tool: ToolId;
  items: CatalogItem[];
}

export interface CatalogTool {
  id: ToolId;
  name: Msg;
  weight: number;
  indicators: CatalogIndicator[];
}

export interface Catalog {
  formId: string;
  version: string;
  fiscalYear: number;
  title: Msg;
  columns: FormFile["columns"];
  tools: CatalogTool[];
  items: CatalogItem[];
  byCode: ReadonlyMap<string, CatalogItem>;
}

export class CatalogError extends Error {}

/** Check a form file with zod and the cross-item rules zod cannot express, and index it. */
export function loadCatalog(data: unknown): Catalog {
  const parsed = formFileSchema.safeParse(data);
  if (!parsed.success) {
    throw new CatalogError(
      `Invalid form file: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`
    );
  }
  const file = parsed.data;
  const items: CatalogItem[] = [];
  const byCode = new Map<string, CatalogItem>();
  const seenIndicators = new Set<number>();
  const tools: CatalogTool[] = file.tools.map((t) => ({
    id: t.id,
    name: t.name,
    weight: t.weight,
    indicators: t.indicators.map((ind) => {
      if (seenIndicators.has(ind.number))
        throw new CatalogError(`Indicator ${ind.number} appears twice`);
      seenIndicators.add(ind.number);
      let group: { code: string; measures: string[] } | null = null;
      const indItems = ind.items.map((it) => {
        if (byCode.has(it.code)) throw new CatalogError(`Item ${it.code} appears twice`);
        if (it.standardMeasures) group = { code: it.code, measures: it.standardMeasures };
        if (it.measuresFrom && (!group || group.code !== it.measuresFrom)) {
          throw new CatalogError(
            `Item ${it.code}: measuresFrom ${it.measuresFrom} is not the preceding measure group`
          );
        }
        const own = Boolean(it.standardMeasures);
        const item: CatalogItem = {
          code: it.code,
          label: it.text ? `${it.code} ${it.text}` : displayCode(it.code),
          text: it.text ?? "",
          tool: t.id,
          indicator: ind.number,
          issue: it.issue,
          standardMeasures: own || it.measuresFrom ? group!.measures : [],
          measureGroup: own || it.measuresFrom ? group!.code : it.code,
          order: items.length,
        };
        items.push(item);
        byCode.set(item.code, item);
        return item;
      });
      return { number: ind.number, name: ind.name, tool: t.id, items: indItems };
    }),
  }));
  const weights = tools.reduce((s, t) => s + t.weight, 0);
  if (weights !== 100) throw new CatalogError(`Tool weights add up to ${weights}, not 100`);
  return {
    formId: file.formId,
    version: file.version,
    fiscalYear: file.fiscalYear,
    title: file.title,
    columns: file.columns,
    tools,
    items,
    byCode,
  };
}
