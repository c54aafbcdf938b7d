import { FormItem } from "../catalog";
import { displayCode } from "../codes";
import { MergedUnit, MergeResult } from "../merge";
import { matchUnitMeasures } from "../report/unitMeasures";
import { textSheetPrint } from "./print";
import {
  clampText,
  periodLabel,
  SUMMARY_HEADER_ROW,
  SUMMARY_SHEETS,
  SummarySheet,
  TableColumn,
  TableRow,
  splitTallRows,
  fitHeaders,
} from "./table";

/** "ข้อ I1–I4" or "ข้อ I5": the items of a measure group. */
function groupCodes(items: readonly FormItem[]): string {
  const first = displayCode(items[0].code);
  return items.length === 1
    ? `ข้อ ${first}`
    : `ข้อ ${first}–${displayCode(items[items.length - 1].code)}`;
}

/** A unit's text for a measure group: each distinct measures/results/evidence of its items, once. */
function unitGroupTexts(m: MergedUnit, codes: ReadonlySet<string>) {
  const measures: string[] = [];
  const results: string[] = [];
  const evidence: string[] = [];
  let photos = 0;
  const counted = new Set<string>();
  const add = (list: string[], text: string) => {
    const t = text.trim();
    if (t && !list.includes(t)) list.push(t);
  };
  for (const it of m.form.items) {
    if (!codes.has(it.code) && !it.sharedWith.some((c) => codes.has(c))) continue;
    add(measures, it.measures);
    add(results, it.results);
    add(evidence, it.evidence);
    // Items sharing one evidence cell (the form's merged cell) report the same photos: count them once.
    if (!it.sharedWith.some((c) => counted.has(c))) photos += it.photos;
    counted.add(it.code);
  }
  if (photos) evidence.push(`ภาพกิจกรรม ${photos} ภาพในแบบรายงาน`);
  return { measures, results, evidence };
}

/**
 * 3. What the units did, in the order of the central report (Word): tool → indicator → measure group
 * (the items that share the form's measures, counted once); under each group the form's standard
 * measures with how many and which units carried them out, the units' own measures grouped when
 * alike, then every unit's own text for the group (measures, results, evidence), once per group.
 */
export function measuresSheet(r: MergeResult): SummarySheet {
  const groups = new Map(matchUnitMeasures(r).map((g) => [g.group, g]));
  const rows: TableRow[] = [];
  // A measure's units by their short names (จอมทอง, as in the score matrix): each has its own row below.
  const short = new Map(r.merged.map((m) => [m.label, m.unit.th]));
  const names = (units: readonly { unit: string }[]) =>
    `${units.length} หน่วยงาน: ${nameList(units.map((u) => short.get(u.unit) ?? u.unit))}`;
  for (const tool of r.formDef.tools) {
    // Headings across the table's width.
    const across = { c1: 1, c2: 4 };
    rows.push({
      kind: "tool",
      cells: [`${tool.name.th} (${tool.id})`, null, null, null],
      merge: across,
    });
    for (const ind of tool.indicators) {
      rows.push({
        kind: "indicator",
        cells: [`ตัวชี้วัดที่ ${ind.number} ${ind.name.th}`, null, null, null],
        merge: across,
      });
      const seen = new Set<string>();
      for (const item of ind.items) {
        if (seen.has(item.measureGroup)) continue;
        seen.add(item.measureGroup);
        const g = groups.get(item.measureGroup);
        if (!g) continue;
        const codes = new Set(g.items.map((i) => i.code));
        const done = r.merged
          .map((m) => ({ m, t: unitGroupTexts(m, codes) }))
          .filter((x) => x.t.measures.length || x.t.results.length);
        if (!done.length) continue;
        rows.push({
          kind: "item",
          cells: [
            groupCodes(g.items),
            // The group's first item (the score sheet's key has every item's question).
            clampText(g.items[0].label),
            `รายงาน ${done.length} หน่วยงาน`,
            null,
          ],
        });
        g.standard.forEach((s, k) =>
          rows.push({
            kind: "group",
            cells: [
              `มาตรการตามแบบฟอร์ม ${k + 1}`,
              clampText(s.text),
              s.units.length ? names(s.units) : "ไม่มีหน่วยงานรายงานมาตรการนี้",
              null,
            ],
          })
        );
        for (const own of g.own)
          rows.push({
            kind: "group",
            cells: ["มาตรการเพิ่มเติม", clampText(own[0].entry), names(own), null],
          });
        for (const { m, t } of done)
          rows.push({
            kind: "data",
            cells: [
              m.label,
              clampText(t.measures.join("\n")),
              clampText(t.results.join("\n")),
              clampText(t.evidence.join("\n")),
            ],
          });
      }
    }
  }
  const columns: TableColumn[] = fitHeaders([
    { header: "หน่วยงาน", width: 26, kind: "text" },
    { header: "มาตรการ/กิจกรรมที่ดำเนินการ", width: 56, kind: "text" },
    { header: "ผลการดำเนินการ (แถวมาตรการ: หน่วยงานที่ดำเนินการ)", width: 56, kind: "text" },
    { header: "หลักฐาน", width: 30, kind: "text" },
  ]);
  return {
    name: SUMMARY_SHEETS.measures,
    title: "สรุปผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส",
    subtitle: periodLabel(r),
    columns,
    rows: splitTallRows(columns, rows),
    freeze: { rows: SUMMARY_HEADER_ROW, cols: 0 },
    wrap: true,
    print: textSheetPrint(columns),
  };
}

/** Most characters of unit names in a measure's row; every unit also has its own row below. */
const NAMES_MAX_CHARS = 2000;

/** Unit names, cut (with how many more) where the list would be longer than a readable cell. */
function nameList(names: string[]): string {
  let text = "";
  for (const [k, n] of names.entries()) {
    const next = text ? `${text}, ${n}` : n;
    if (next.length > NAMES_MAX_CHARS)
      return `${text} และอีก ${names.length - k} หน่วยงาน (ดูรายแถวด้านล่าง / each unit's row follows)`;
    text = next;
  }
  return text;
}
