import type { ReadItem } from "../layout/read";
import { MergeResult } from "../merge";
import { groupSpan, measureNumbers } from "../report/numbers";
import { itemsByGroup, matchUnitMeasures } from "../report/unitMeasures";
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

/** A unit's text for a measure group: each distinct measures/results/evidence of its items, once. */
function unitGroupTexts(items: readonly ReadItem[]) {
  const measures: string[] = [];
  const results: string[] = [];
  const evidence: string[] = [];
  let photos = 0;
  const counted = new Set<string>();
  const add = (list: string[], text: string) => {
    const t = text.trim();
    if (t && !list.includes(t)) list.push(t);
  };
  for (const it of items) {
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

/** Units by their short names (จอมทอง, as in the score matrix), in the merge's order. */
function shortNames(r: MergeResult, keys: Iterable<string>): string {
  const want = new Set(keys);
  return r.merged
    .filter((m) => want.has(m.key))
    .map((m) => m.unit.th)
    .join(", ");
}

/**
 * "12 หน่วยงาน: พระนคร, ดุสิต, …", or past half of the units, the few others: "46 หน่วยงาน: ทุกหน่วยงาน
 * ยกเว้น หนองจอก, บางรัก, …"; "" for none.
 */
function counted(r: MergeResult, keys: readonly string[]): string {
  if (!keys.length) return "";
  const n = new Set(keys).size;
  const all = r.merged.length;
  if (n === all && all > 1) return `${n} หน่วยงาน: ทุกหน่วยงานที่ส่งรายงาน`;
  if (n > all / 2 && all > 4) {
    const have = new Set(keys);
    const others = r.merged.filter((m) => !have.has(m.key)).map((m) => m.key);
    return `${n} หน่วยงาน: ทุกหน่วยงานที่ส่งรายงาน ยกเว้น ${shortNames(r, others)}`;
  }
  return `${n} หน่วยงาน: ${shortNames(r, keys)}`;
}

/**
 * 3. What the units did, in the order and by the numbers of the central report (Word): tool →
 * indicator → measure group (the items that share the form's measures, counted once). What prints is
 * the working view: per measure the units counted under it (from their results; those that said they
 * did as planned are named again after "ตามที่วางแผนไว้") and the units that only planned it, and per
 * group the units' other work. Below it, on screen and in the file but not printed, every unit's own
 * text for each group (measures, results, evidence): the report is where the texts are printed.
 */
export function measuresSheet(r: MergeResult): SummarySheet {
  const groups = matchUnitMeasures(r);
  const byGroup = new Map(groups.map((g) => [g.group, g]));
  const numbers = measureNumbers(r.formDef, groups);
  const across = { c1: 1, c2: 4 };
  const summary: TableRow[] = [];
  const texts: TableRow[] = [
    {
      kind: "tool",
      cells: [
        "ข้อความของแต่ละหน่วยงาน: แสดงบนจอและเก็บในไฟล์ ไม่อยู่ในส่วนที่พิมพ์ (ข้อความที่พิมพ์อยู่ในรายงาน Word)",
        null,
        null,
        null,
      ],
      merge: across,
    },
    {
      kind: "item",
      cells: ["หน่วยงาน", "มาตรการ/กิจกรรมที่ดำเนินการ", "ผลการดำเนินการ", "หลักฐาน"],
    },
  ];
  for (const tool of r.formDef.tools) {
    summary.push({
      kind: "tool",
      cells: [`${tool.name.th} (${tool.id})`, null, null, null],
      merge: across,
    });
    for (const ind of tool.indicators) {
      summary.push({
        kind: "indicator",
        cells: [`ตัวชี้วัดที่ ${ind.number} ${ind.name.th}`, null, null, null],
        merge: across,
      });
      const seen = new Set<string>();
      for (const item of ind.items) {
        if (seen.has(item.measureGroup)) continue;
        seen.add(item.measureGroup);
        const g = byGroup.get(item.measureGroup);
        const n = numbers.get(item.measureGroup);
        if (!g || !n) continue;
        const heading = `ข้อ ${groupSpan(g.items)}`;
        summary.push({
          kind: "item",
          cells: [`${heading} · กรอกมาตรการหรือผล ${g.unitsWithText} หน่วยงาน`, null, null, null],
          merge: across,
        });
        g.standard.forEach((s, k) => {
          const asPlanned = s.done.filter((c) => c.how === "as-planned").map((c) => c.key);
          const done = counted(
            r,
            s.done.map((c) => c.key)
          );
          summary.push({
            kind: "group",
            cells: [
              n.standard[k],
              clampText(s.text),
              (done || "ไม่มี") +
                // Who among them said only that they did what they planned (no words of the measure).
                (asPlanned.length && asPlanned.length === s.done.length
                  ? " (รายงานว่าดำเนินการตามที่วางแผนไว้)"
                  : asPlanned.length
                    ? ` (ในจำนวนนี้ ${shortNames(r, asPlanned)} รายงานว่าดำเนินการตามที่วางแผนไว้)`
                    : ""),
              counted(
                r,
                s.planned.map((p) => p.key)
              ) || null,
            ],
          });
        });
        if (n.own) {
          const own = [...new Set(g.own.flat().map((c) => c.key))];
          summary.push({
            kind: "group",
            // No number: the form's measures keep theirs (report/numbers.ts).
            cells: [
              null,
              "การดำเนินการอื่นที่หน่วยงานรายงาน นอกเหนือจากมาตรการตามแบบฟอร์ม",
              counted(r, own) || "ไม่มี",
              counted(r, [...new Set(g.ownPlanned.map((p) => p.key))]) || null,
            ],
          });
        }
        for (const where of ["results", "measures"] as const) {
          const refs = g.references.filter((x) => x.where === where);
          for (const to of new Set(refs.map((x) => x.to))) {
            const target = byGroup.get(to);
            const keys = refs.filter((x) => x.to === to).map((x) => x.key);
            summary.push({
              kind: "group",
              cells: [
                "อ้างข้ออื่น",
                `ตามมาตรการของข้อ ${target ? groupSpan(target.items) : to}`,
                where === "results" ? counted(r, keys) : null,
                where === "measures" ? counted(r, keys) : null,
              ],
            });
          }
        }
        // The units' own texts for the group, below the printed part.
        const done = r.merged
          .map((m) => ({
            m,
            t: unitGroupTexts(itemsByGroup(m, r.formDef).get(item.measureGroup) ?? []),
          }))
          .filter((x) => x.t.measures.length || x.t.results.length || x.t.evidence.length);
        if (!done.length) continue;
        texts.push({
          kind: "item",
          cells: [heading, clampText(g.items[0].label), `${done.length} หน่วยงาน`, null],
        });
        for (const { m, t } of done)
          texts.push({
            kind: "data",
            cells: [
              m.unit.th,
              clampText(t.measures.join("\n")),
              clampText(t.results.join("\n")),
              clampText(t.evidence.join("\n")),
            ],
          });
      }
    }
  }
  const columns: TableColumn[] = fitHeaders([
    { header: "ข้อ", width: 17, kind: "text" },
    { header: "มาตรการ", width: 62, kind: "text" },
    { header: "หน่วยงานที่ดำเนินการ", width: 56, kind: "text" },
    { header: "มีแผน ยังไม่มีผล", width: 30, kind: "text" },
  ]);
  const printed = splitTallRows(columns, summary);
  return {
    name: SUMMARY_SHEETS.measures,
    title: "สรุปผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส",
    subtitle: periodLabel(r),
    columns,
    rows: [...printed, ...splitTallRows(columns, texts)],
    printRows: printed.length,
    freeze: { rows: SUMMARY_HEADER_ROW, cols: 0 },
    wrap: true,
    print: textSheetPrint(columns),
  };
}
