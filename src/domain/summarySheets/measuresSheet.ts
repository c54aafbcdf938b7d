import { MergeResult } from "../merge";
import {
  clampText,
  evidenceText,
  periodLabel,
  SUMMARY_HEADER_ROW,
  SUMMARY_SHEETS,
  SummarySheet,
  TableRow,
} from "./table";

/** 3. Measures digest in the shape of the central report: per item, what each unit did and achieved. */
export function measuresSheet(r: MergeResult): SummarySheet {
  const rows: TableRow[] = [];
  for (const tool of r.catalog.tools) {
    rows.push({ kind: "tool", cells: [`${tool.name.th} (${tool.id})`, null, null, null] });
    for (const ind of tool.indicators) {
      rows.push({
        kind: "indicator",
        cells: [`ตัวชี้วัดที่ ${ind.number} ${ind.name.th}`, null, null, null],
      });
      for (const item of ind.items) {
        const done = r.merged
          .map((m) => ({ m, it: m.form.items.find((i) => i.code === item.code)! }))
          .filter((x) => x.it && (x.it.measures || x.it.results));
        if (!done.length) continue;
        rows.push({ kind: "item", cells: [item.label, `${done.length} หน่วยงาน`, null, null] });
        // Units that took the same measures are listed together under them, as the central report
        // names the districts behind each activity; each unit's own results follow.
        const groups = new Map<string, typeof done>();
        for (const d of done) {
          const key = d.it.measures.replace(/\s+/g, " ").trim();
          groups.set(key, [...(groups.get(key) ?? []), d]);
        }
        const ordered = [...groups.entries()].sort((a, b) => b[1].length - a[1].length);
        for (const [, units] of ordered) {
          const names = nameList(units.map((u) => u.m.unit.th));
          const measures = units[0].it.measures || "(ไม่ระบุมาตรการ / no measures given)";
          rows.push({
            kind: "group",
            cells: [`${units.length} หน่วยงาน: ${names}`, clampText(measures), null, null],
          });
          for (const { m, it } of units)
            rows.push({
              kind: "data",
              cells: [m.label, null, clampText(it.results), evidenceText(it)],
            });
        }
      }
    }
  }
  return {
    name: SUMMARY_SHEETS.measures,
    title: "สรุปผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส",
    subtitle: periodLabel(r),
    columns: [
      { header: "หน่วยงาน", width: 28, kind: "text" },
      { header: "มาตรการ/กิจกรรมที่ดำเนินการ", width: 60, kind: "text" },
      { header: "ผลการดำเนินการ", width: 60, kind: "text" },
      { header: "หลักฐาน", width: 30, kind: "text" },
    ],
    rows,
    freeze: { rows: SUMMARY_HEADER_ROW, cols: 0 },
    wrap: true,
  };
}

/** Most characters of unit names in a group's label; every unit also has its own row below. */
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
