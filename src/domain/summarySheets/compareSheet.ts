import {
  Change,
  comparedCode,
  Comparison,
  comparisonCounts,
  PeriodUnit,
  UnitComparison,
} from "../compare";
import { periodName } from "../period";
import { ToolId } from "../catalog";
import { baseName } from "../text";
import { unitDisplayName } from "../units";
import {
  COMPARE_SHEET,
  fitHeaders,
  fitScores,
  RowKind,
  SUMMARY_HEADER_ROW,
  SummarySheet,
  TableRow,
} from "./table";

const TOOL_NAMES: Record<ToolId, string> = {
  IIT: "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน",
  EIT: "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก",
  OIT: "แบบตรวจการเปิดเผยข้อมูลสาธารณะ",
};

/** What a change means against the pass mark (in the column's header), in words; empty when it passed both times. */
function passText(c: Change): string {
  switch (c.pass) {
    case "fell":
      return "ตกต่ำกว่าเกณฑ์";
    case "rose":
      return "ขึ้นมาผ่านเกณฑ์";
    case "stayedBelow":
      return "ต่ำกว่าเกณฑ์ทั้งสองครั้ง";
    case "stayedAbove":
      return "";
    default:
      return c.previous === null && c.current === null
        ? "ไม่มีคะแนนทั้งสองครั้ง"
        : c.previous === null
          ? "ไม่มีคะแนนครั้งก่อน"
          : "ไม่มีคะแนนครั้งนี้";
  }
}

/** A unit's items that fell under the pass mark and rose to it, for its total's row. */
function itemsText(u: UnitComparison): string {
  const codes = (pass: Change["pass"]) => u.items.filter((i) => i.pass === pass).map((i) => i.code);
  const fell = codes("fell");
  const rose = codes("rose");
  return [
    fell.length ? `ตกต่ำกว่าเกณฑ์ ${fell.length} ข้อ: ${fell.join(", ")}` : "",
    rose.length ? `ขึ้นมาผ่านเกณฑ์ ${rose.length} ข้อ: ${rose.join(", ")}` : "",
  ]
    .filter(Boolean)
    .join("\n");
}

const kindOf = (c: Change): RowKind =>
  c.pass === "fell" ? "fell" : c.pass === "rose" ? "rose" : "data";

/**
 * The comparison with a previous period: the estimated ITA total, each tool's mean and each item, a
 * heading row each, then one row per unit (previous, current, change as a signed number, and what the
 * change means against the pass mark; a fall under it and a rise to it coloured; on the total's rows,
 * which items fell and rose); then the items only
 * one of the two forms has and the units only one of the two periods has.
 */
export function compareSheet(c: Comparison): SummarySheet {
  const rows: TableRow[] = [];
  const unitRow = (label: string, code: string, ch: Change, note = passText(ch)): TableRow => ({
    kind: kindOf(ch),
    cells: [code, label, ch.previous, ch.current, ch.change, note],
  });
  const heading = (kind: RowKind, code: string, text: string): TableRow => ({
    kind,
    cells: [code, text, null, null, null, null],
  });
  const weights = c.tools.map((t) => `${t.id} ${t.weight}`).join(" / ");
  rows.push(
    heading(
      "total",
      "ITA",
      `คะแนนรวม ITA โดยประมาณ (ค่าเฉลี่ยของข้อในแต่ละแบบวัด × น้ำหนัก ${weights}; ไม่ใช่คะแนนทางการ)`
    )
  );
  // The total's rows also say which of the unit's items fell under the pass mark or rose to it.
  for (const u of c.units)
    rows.push(
      unitRow(u.label, "ITA", u.total, [passText(u.total), itemsText(u)].filter(Boolean).join("\n"))
    );
  for (const t of c.tools) {
    rows.push(heading("tool", t.id, `${TOOL_NAMES[t.id]} (${t.id}) ค่าเฉลี่ยของแบบวัด`));
    for (const u of c.units)
      rows.push(
        unitRow(
          u.label,
          t.id,
          u.tools.find((x) => x.id === t.id)!
        )
      );
    c.items.forEach((it, k) => {
      if (it.tool !== t.id) return;
      const mean = it.from.length > 1 ? ` (ครั้งก่อน: ค่าเฉลี่ยของข้อ ${it.from.join(", ")})` : "";
      rows.push(heading("item", comparedCode(it), `${it.text}${mean}`));
      for (const u of c.units) rows.push(unitRow(u.label, it.code, u.items[k]));
    });
  }
  const notComparable = [
    ...c.onlyPreviousItems.map((i) => ({ i, where: `มีเฉพาะแบบฟอร์มครั้งก่อน (${c.previous.form})` })),
    ...c.onlyCurrentItems.map((i) => ({ i, where: `มีเฉพาะแบบฟอร์มครั้งนี้ (${c.current.form})` })),
  ];
  if (notComparable.length) {
    rows.push(heading("tool", "", "ข้อที่เปรียบเทียบไม่ได้ (รหัสข้อมีในแบบฟอร์มเพียงครั้งเดียว)"));
    for (const { i, where } of notComparable)
      rows.push({ kind: "data", cells: [i.code, i.text, null, null, null, where] });
  }
  const only = (u: PeriodUnit, before: boolean): TableRow => ({
    kind: "data",
    cells: [
      u.unit.code ?? "",
      unitDisplayName(u.unit),
      null,
      null,
      null,
      before ? "มีเฉพาะครั้งก่อน (ครั้งนี้ไม่ได้รวม)" : "มีเฉพาะครั้งนี้ (ครั้งก่อนไม่มีข้อมูล)",
    ],
  });
  if (c.onlyPreviousUnits.length || c.onlyCurrentUnits.length) {
    rows.push(heading("tool", "", "หน่วยงานที่มีข้อมูลเพียงครั้งเดียว (ไม่ได้เปรียบเทียบ)"));
    for (const u of c.onlyPreviousUnits) rows.push(only(u, true));
    for (const u of c.onlyCurrentUnits) rows.push(only(u, false));
  }
  const n = comparisonCounts(c);
  const more = [
    n.improved ? `ดีขึ้น ${n.improved}` : "",
    n.declined ? `ลดลง ${n.declined}` : "",
    n.unchanged ? `เท่าเดิม ${n.unchanged}` : "",
  ]
    .filter(Boolean)
    .join(" ");
  return {
    name: COMPARE_SHEET,
    title: `เปรียบเทียบคะแนน ITA ${periodName(c.current)} กับ${periodName(c.previous)}`,
    subtitle:
      `ครั้งก่อน: ${baseName(c.previous.source)} · เกณฑ์ผ่าน ${c.passMark} · เปรียบเทียบ ${c.units.length} หน่วยงาน` +
      `${more ? ` (คะแนนรวมโดยประมาณ ${more})` : ""} · ตกต่ำกว่าเกณฑ์ ${n.fell} รายการ · ขึ้นมาผ่านเกณฑ์ ${n.rose} รายการ`,
    columns: fitScores(
      fitHeaders([
        { header: "ข้อ", width: 12, kind: "text" },
        { header: "หน่วยงาน / ประเด็นการประเมิน", width: 60, kind: "text" },
        { header: "ครั้งก่อน", width: 11, kind: "score" },
        { header: "ครั้งนี้", width: 11, kind: "score" },
        { header: "เปลี่ยนแปลง", width: 12, kind: "change" },
        { header: `เทียบเกณฑ์ ${c.passMark}`, width: 34, kind: "text" },
      ]),
      rows
    ),
    rows,
    freeze: { rows: SUMMARY_HEADER_ROW, cols: 2 },
    wrap: true,
  };
}
