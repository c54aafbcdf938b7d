import { comparedCode, Comparison, comparisonCounts } from "../compare";
import { periodName } from "../period";
import { cutAtPhrase } from "./sentences";

/** The report's section on the changes since the previous period (only when a comparison is given). */
export interface ReportChanges {
  heading: string;
  /** Paragraphs; `list` ones are the lines of a list (one item each) under the paragraph before. */
  paragraphs: { text: string; list?: boolean }[];
}

/** Units named per item that fell under the pass mark before "และอีก n หน่วยงาน". */
const NAMES = 6;
/** Largest rises and falls named. */
const LARGEST = 3;

const fmt = (n: number) => n.toFixed(2);
/** Shortened at the end of a phrase, never inside a word. */
const clip = cutAtPhrase;
const signed = (n: number) => (n > 0 ? `+${fmt(n)}` : fmt(n));

/**
 * How many units improved or declined (by the estimated ITA total), which items fell under the pass
 * mark and in which units, the largest changes of an item, the items the two forms do not share and
 * the units only one period has.
 */
export function changesSection(c: Comparison): ReportChanges {
  const n = comparisonCounts(c);
  const paragraphs: ReportChanges["paragraphs"] = [];
  const say = (text: string) => paragraphs.push({ text });
  const prev = periodName(c.previous);
  say(
    `เมื่อเทียบกับ${prev} มีหน่วยงานที่เปรียบเทียบได้ ${c.units.length} หน่วยงาน คะแนนรวม ITA โดยประมาณ (ค่าเฉลี่ยของข้อในแต่ละแบบวัดตามน้ำหนัก ไม่ใช่คะแนนทางการ) ` +
      `ดีขึ้น ${n.improved} หน่วยงาน ลดลง ${n.declined} หน่วยงาน` +
      (n.unchanged ? ` เท่าเดิม ${n.unchanged} หน่วยงาน` : "") +
      (n.incomplete ? ` และคำนวณไม่ได้เพราะคะแนนไม่ครบทุกแบบวัด ${n.incomplete} หน่วยงาน` : "")
  );

  const fell: string[] = [];
  for (const it of c.items) {
    const k = c.items.indexOf(it);
    const units = c.units
      .filter((u) => u.items[k].pass === "fell")
      .map(
        (u) => `${u.label} ${fmt(u.items[k].previous!)}\u00a0→\u00a0${fmt(u.items[k].current!)}`
      );
    if (!units.length) continue;
    fell.push(
      `- ข้อ ${clip(`${comparedCode(it)} ${it.text}`, 90)} (${units.length} หน่วยงาน): ${units.slice(0, NAMES).join(", ")}${units.length > NAMES ? ` และอีก ${units.length - NAMES} หน่วยงาน` : ""}`
    );
  }
  say(
    fell.length
      ? `ข้อที่มีหน่วยงานได้คะแนนต่ำกว่าเกณฑ์ ${c.passMark} ครั้งนี้ ทั้งที่ครั้งก่อนผ่านเกณฑ์ (${n.fell} รายการ) ได้แก่`
      : `ไม่มีข้อใดที่หน่วยงานได้คะแนนต่ำกว่าเกณฑ์ ${c.passMark} ครั้งนี้ทั้งที่ครั้งก่อนผ่านเกณฑ์`
  );
  for (const text of fell) paragraphs.push({ text, list: true });
  if (n.rose) say(`ข้อที่หน่วยงานได้คะแนนผ่านเกณฑ์ครั้งนี้ทั้งที่ครั้งก่อนต่ำกว่าเกณฑ์ ${n.rose} รายการ`);

  const all = c.units.flatMap((u) =>
    u.items.filter((i) => i.change !== null && i.change !== 0).map((i) => ({ u, i }))
  );
  const describe = (x: (typeof all)[number]) =>
    `${x.u.label} ข้อ ${x.i.code} ${signed(x.i.change!)} (${fmt(x.i.previous!)}\u00a0→\u00a0${fmt(x.i.current!)})`;
  const up = all
    .filter((x) => x.i.change! > 0)
    .sort((a, b) => b.i.change! - a.i.change!)
    .slice(0, LARGEST);
  const down = all
    .filter((x) => x.i.change! < 0)
    .sort((a, b) => a.i.change! - b.i.change!)
    .slice(0, LARGEST);
  if (up.length || down.length) {
    say("การเปลี่ยนแปลงรายข้อที่มากที่สุด");
    if (up.length) paragraphs.push({ text: `- เพิ่มขึ้น: ${up.map(describe).join(", ")}`, list: true });
    if (down.length)
      paragraphs.push({ text: `- ลดลง: ${down.map(describe).join(", ")}`, list: true });
  }

  const mapped = c.items.filter((i) => comparedCode(i) !== i.code);
  if (mapped.length)
    say(
      `ข้อที่เปรียบเทียบกับข้อของแบบฟอร์มก่อนหน้าที่ต่อเนื่องกัน (ตามแบบฟอร์ม ${c.current.form}; หลายข้อ: ค่าเฉลี่ย): ${mapped.map(comparedCode).join(", ")}`
    );
  const notComparable = [...c.onlyPreviousItems, ...c.onlyCurrentItems].map((i) => i.code);
  if (notComparable.length)
    say(
      `ข้อที่เปรียบเทียบไม่ได้เพราะแบบฟอร์มของสองครั้งต่างกัน (${c.previous.form} และ ${c.current.form}): ${notComparable.join(", ")}`
    );
  const onlyPrev = c.onlyPreviousUnits.map((u) => u.label);
  const onlyCur = c.onlyCurrentUnits.map((u) => u.label);
  if (onlyPrev.length || onlyCur.length)
    say(
      [
        onlyPrev.length ? `หน่วยงานที่มีเฉพาะ${prev}: ${onlyPrev.join(", ")}` : "",
        onlyCur.length ? `หน่วยงานที่มีเฉพาะครั้งนี้: ${onlyCur.join(", ")}` : "",
      ]
        .filter(Boolean)
        .join("; ")
    );
  return { heading: `การเปลี่ยนแปลงเมื่อเทียบกับ${prev}`, paragraphs };
}
