import type { FormDef } from "./catalog";
import type { Report } from "./report";
import { standardMeasuresText } from "./summary";
import { DISTRICTS, Unit, unitDisplayName } from "./units";

/** A small deterministic PRNG (mulberry32), so that sample districts are the same on every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A date in the first half of fiscal year 2567 (October 2566 – March 2567), as districts write it. */
const date = (r: () => number) => {
  const m = Math.floor(r() * 6);
  const month = ["ตุลาคม", "พฤศจิกายน", "ธันวาคม", "มกราคม", "กุมภาพันธ์", "มีนาคม"][m];
  return `${1 + Math.floor(r() * 28)} ${month} ${m < 3 ? 2566 : 2567}`;
};

/** What districts add to a measure they restate in their results, by what the measure is about. */
const DETAILS: [RegExp, ((r: () => number) => string)[]][] = [
  [
    /แบบประเมิน/u,
    [
      (r) =>
        ` ผ่าน QR Code ณ จุดบริการ มีผู้ตอบแบบประเมิน ${120 + Math.floor(r() * 400)} ราย พึงพอใจร้อยละ ${(85 + r() * 14).toFixed(1)}`,
      () => " โดยให้ผู้รับบริการตอบแบบประเมินทุกช่องบริการ",
    ],
  ],
  [
    /อบรม/u,
    [(r) => ` จำนวน ${1 + Math.floor(r() * 3)} รุ่น ผู้เข้าอบรม ${30 + Math.floor(r() * 90)} คน`],
  ],
  [
    /ประชุม|ซักซ้อม/u,
    [
      (r) =>
        ` ในการประชุมหัวหน้าฝ่ายประจำเดือน เมื่อวันที่ ${date(r)} มีผู้เข้าร่วม ${20 + Math.floor(r() * 60)} คน`,
      () => " ในการประชุมผู้บริหารสำนักงานเขตทุกสัปดาห์",
      () => " ผ่านการประชุมออนไลน์ทาง Zoom ให้เจ้าหน้าที่ทุกฝ่าย",
    ],
  ],
  [
    /ร้องเรียน|แจ้ง หรือให้ข้อมูล/u,
    [() => " ผ่านระบบ Traffy Fondue และสายด่วน 1555", () => " ผ่านตู้รับเรื่องร้องเรียน ณ จุดบริการ"],
  ],
  [/เปิดเผยข้อมูล/u, [(r) => ` บนเว็บไซต์ของสำนักงานเขต ครบ ${15 + Math.floor(r() * 8)} หัวข้อ`]],
  [
    /เผยแพร่|ประชาสัมพันธ์|สื่อ/u,
    [
      () => " ผ่านเพจ Facebook ของสำนักงานเขต",
      () => " ทางแอปพลิเคชัน TikTok ของสำนักงานเขต",
      () => " ในกลุ่ม LINE ของเจ้าหน้าที่",
      () => " ติดบอร์ดประชาสัมพันธ์ ณ จุดบริการชั้น 1",
      () => " ทางเสียงตามสายของสำนักงานเขต",
    ],
  ],
  [/มอบหมาย|บัญชี/u, [(r) => ` ตามคำสั่งสำนักงานเขตที่ ${100 + Math.floor(r() * 400)}/2567`]],
  [/กำชับ|กำกับ/u, [() => " โดยผู้อำนวยการเขตกำชับในที่ประชุมผู้บริหารทุกสัปดาห์"]],
];

/** Work districts report beyond the form's measures. */
const OWN: ((r: () => number) => string)[] = [
  (r) => `จัดกิจกรรม Big Cleaning Day ร่วมกับชุมชนในพื้นที่ มีผู้เข้าร่วม ${40 + Math.floor(r() * 150)} คน`,
  () => "จัดทำคลิปวิดีโอรณรงค์ No Gift Policy เผยแพร่ทาง YouTube ของสำนักงานเขต",
  () => "ตั้งกล่องรับความคิดเห็น ณ จุดบริการทุกชั้น และเปิดอ่านทุกวันศุกร์",
  (r) => `จัดโครงการเขตโปร่งใส ใส่ใจประชาชน เมื่อวันที่ ${date(r)}`,
  (r) => `ประกาศเจตนารมณ์ต่อต้านการทุจริตร่วมกับผู้นำชุมชน ${5 + Math.floor(r() * 30)} ชุมชน`,
];

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

/**
 * Results as districts write them, for a "varied" sample: most measures restated with a detail of
 * the unit's own (a channel, a meeting with its date and people, a document), some restated bare,
 * a few said not done or under way, some left out; now and then a whole cell saying the measures
 * were done as planned, and work of the unit's own beyond the form's measures.
 */
function variedResults(measures: readonly string[], r: () => number): string {
  if (r() < 0.08) return "ดำเนินการตามมาตรการที่กำหนดครบถ้วนแล้ว";
  const lines: string[] = [];
  for (const [i, m] of measures.entries()) {
    const x = r();
    const n = i + 1;
    if (x < 0.06) lines.push(`${n}. ยังไม่ได้ดำเนินการ`);
    else if (x < 0.11) lines.push(`${n}. อยู่ระหว่างดำเนินการ คาดว่าจะแล้วเสร็จในไตรมาสที่ 3`);
    else if (x < 0.17) continue;
    else {
      const details = DETAILS.find(([re]) => re.test(m))?.[1];
      const detail = details && r() < 0.8 ? pick(r, details)(r) : "";
      // "ดำเนินการ" before a verb; a measure that names who does it is written as it is.
      lines.push(`${n}. ${/^(?:ผู้|หน่วยงาน|มีการ)/u.test(m) ? m : `ดำเนินการ${m}`}${detail}`);
    }
  }
  if (r() < 0.2) lines.push(`${measures.length + 1}. ${pick(r, OWN)(r)}`);
  return lines.join("\n");
}

/**
 * A realistic report for another district, derived from a real one: scores moved by up to ±9 points,
 * measures and results in full Thai text (the form's standard measures) for about half the items and
 * for most items under the pass mark, evidence links for OIT. With `results: "varied"`, the results
 * are written as districts write them (`variedResults`), from a random stream of their own, so that
 * the scores and which items have measures are the same either way.
 */
export function syntheticReport(
  base: Report,
  formDef: FormDef,
  unit: Unit,
  seed: number,
  opts: { results?: "standard" | "varied" } = {}
): Report {
  const wording = prng(seed * 7919 + 13);
  const rnd = prng(seed);
  const items = base.items.map((it) => {
    const cat = formDef.byCode.get(it.code)!;
    const score =
      it.score === null
        ? null
        : Math.min(100, Math.max(55, Math.round((it.score + (rnd() - 0.55) * 18) * 100) / 100));
    const low = score !== null && score < 85;
    const withMeasures = low ? rnd() < 0.8 : rnd() < 0.5;
    const measures =
      withMeasures && cat.standardMeasures.length ? standardMeasuresText(cat.standardMeasures) : "";
    const results = !measures
      ? ""
      : opts.results === "varied"
        ? variedResults(cat.standardMeasures, wording)
        : cat.standardMeasures
            .map(
              (m, i) =>
                `${i + 1}. ดำเนินการแล้ว: ${m} โดย${unitDisplayName(unit)} ในรอบ ${base.round} เดือน`
            )
            .join("\n");
    const evidence =
      cat.tool === "OIT"
        ? `https://www.bangkok.go.th/${unit.en.toLowerCase().replace(/\s+/g, "")}/ita/${it.code.toLowerCase()}`
        : measures
          ? "ภาพกิจกรรมประกอบ 2 ภาพ"
          : "";
    return { ...it, score, measures, results, evidence };
  });
  return {
    ...base,
    unit: unitDisplayName(unit),
    unitCode: unit.code,
    preparer: `เจ้าหน้าที่${unitDisplayName(unit)}`,
    items,
  };
}

/**
 * A district's report on a form, as districts fill it (`syntheticReport`, results "varied"), its
 * scores spread over the form's items (about a third under the pass mark). Made to be read, never
 * merged or shown: the pane's read workers read it while the user picks files, so that the reader's
 * code is compiled and optimised for the files that come. Measured (README, "Tests and benchmark"):
 * a report filled from the form's own texts alone, every measure restated word for word, warmed them
 * far less than one written as districts write.
 */
export function readerSampleReport(formDef: FormDef): Report {
  const unit = DISTRICTS[0];
  const base: Report = {
    formId: formDef.formId,
    formVersion: formDef.version,
    unit: unitDisplayName(unit),
    unitCode: unit.code,
    fiscalYear: formDef.fiscalYear,
    round: formDef.rounds[0] ?? 6,
    passMark: formDef.passMark,
    preparer: "",
    items: formDef.items.map((it, k) => ({
      code: it.code,
      score: 72 + ((k * 7) % 28) + 0.25,
      issue: it.issue,
      measures: "",
      results: "",
      evidence: "",
    })),
  };
  return syntheticReport(base, formDef, unit, 1, { results: "varied" });
}
