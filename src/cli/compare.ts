import path from "path";
import {
  comparedCode,
  Comparison,
  comparisonCounts,
  CompareInputError,
  DEFAULT_CATALOG,
  msg,
  PeriodScores,
  previousFromSubmissions,
} from "../domain";
import { readFileBytes } from "../xlsx/files";
import { nodeInflate } from "../xlsx/nodeInflate";
import { FormFileError } from "../xlsx/read/errors";
import { readSummaryPeriod } from "../xlsx/read/previousSummary";
import { expandInputs, readSubmissions } from "./merge";

/**
 * The period `--compare` names: one summary workbook written by `ita merge` (its data sheet), or the
 * previous year's or round's district files (files or folders, read and merged as `ita merge` reads
 * them, each file against the form it carries). Anything else is a CompareInputError naming the files.
 */
export async function readPrevious(inputs: string[]): Promise<PeriodScores> {
  const files = await expandInputs(inputs);
  const label = inputs.join(", ");
  if (!files.length)
    throw new CompareInputError(
      msg(
        `--compare ${label}: ไม่พบไฟล์ .xlsx ของครั้งก่อน`,
        `--compare ${label}: no previous .xlsx file found`
      )
    );
  const summaries: PeriodScores[] = [];
  for (const f of files) {
    let bytes: Uint8Array;
    try {
      bytes = await readFileBytes(f);
    } catch (e) {
      if (e instanceof FormFileError) continue; // reported by the district reader below
      throw e;
    }
    try {
      const p = readSummaryPeriod(f, bytes, nodeInflate);
      if (p) summaries.push(p);
    } catch (e) {
      if (!(e instanceof FormFileError)) throw e; // not an .xlsx: the district reader says why
    }
  }
  if (summaries.length) {
    if (files.length > 1)
      throw new CompareInputError(
        msg(
          `--compare ${label}: ระบุไฟล์สรุปได้ไฟล์เดียว หรือไฟล์รายงานของเขต ไม่ใช่ทั้งสองอย่างรวมกัน (พบไฟล์สรุป ${summaries.map((s) => path.basename(s.source)).join(", ")})`,
          `--compare ${label}: give one summary file, or district files, not both (summaries found: ${summaries.map((s) => path.basename(s.source)).join(", ")})`
        )
      );
    return summaries[0];
  }
  return previousFromSubmissions(await readSubmissions(files), label, DEFAULT_CATALOG);
}

const changeJson = (c: {
  previous: number | null;
  current: number | null;
  change: number | null;
}) => ({
  previous: c.previous,
  current: c.current,
  change: c.change,
});

/** The `compare` section of `ita merge --json`. */
export function compareJson(c: Comparison) {
  const n = comparisonCounts(c);
  const pairs = (pass: "fell" | "rose") =>
    c.units.flatMap((u) =>
      u.items
        .filter((i) => i.pass === pass)
        .map((i) => ({ unit: u.label, unitCode: u.unit.code, item: i.code, ...changeJson(i) }))
    );
  return {
    previous: c.previous,
    current: c.current,
    passMark: c.passMark,
    units: c.units.length,
    improved: n.improved,
    declined: n.declined,
    unchanged: n.unchanged,
    incomplete: n.incomplete,
    fellBelowPassMark: pairs("fell"),
    roseToPassMark: pairs("rose"),
    notComparableItems: {
      onlyPrevious: c.onlyPreviousItems.map((i) => i.code),
      onlyCurrent: c.onlyCurrentItems.map((i) => i.code),
    },
    /** Items compared with other codes of the previous form, as the current form maps them. */
    mappedItems: Object.fromEntries(
      c.items.filter((i) => comparedCode(i) !== i.code).map((i) => [i.code, i.from])
    ),
    onlyPreviousUnits: c.onlyPreviousUnits.map((u) => u.label),
    onlyCurrentUnits: c.onlyCurrentUnits.map((u) => u.label),
    byUnit: c.units.map((u) => ({
      unit: u.label,
      unitCode: u.unit.code,
      total: changeJson(u.total),
      tools: Object.fromEntries(u.tools.map((t) => [t.id, changeJson(t)])),
    })),
  };
}
