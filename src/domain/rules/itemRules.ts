import { codeSpan } from "../codes";
import { saysSomething } from "../report/measureMatch";
import { msg } from "../text";
import { ItemRule } from "./types";

/** Rules on one item each. A new rule is one entry here (id, scope, field, severity, test, message). */
const URL_RE = /\bhttps?:\/\/[^\s<>"]+|\bwww\.[^\s<>"]+\.[a-z]{2,}/i;

export const ITEM_RULES: readonly ItemRule[] = [
  {
    id: "score.required",
    field: "score",
    severity: "error",
    test: (it) => it.scoreParse.kind === "empty",
    message: (it) => msg(`ข้อ ${it.code}: ยังไม่ได้กรอกคะแนน`, `${it.code}: the score is empty`),
  },
  {
    id: "score.invalid",
    field: "score",
    severity: "error",
    test: (it) => it.scoreParse.kind === "error",
    message: (it) => {
      const m = it.scoreParse.kind === "error" ? it.scoreParse.message : msg("", "");
      return msg(`ข้อ ${it.code}: ${m.th}`, `${it.code}: ${m.en}`);
    },
  },
  {
    id: "score.precision",
    field: "score",
    severity: "warning",
    test: (it) => it.scoreParse.kind === "ok" && it.scoreParse.warnings.includes("precision"),
    message: (it) =>
      msg(
        `ข้อ ${it.code}: คะแนนมีทศนิยมเกิน 2 ตำแหน่ง (${it.score})`,
        `${it.code}: the score has more than 2 decimals (${it.score})`
      ),
  },
  {
    // Excel stores "85%" typed into a score cell as 0.85 formatted as a percentage.
    id: "score.percent",
    field: "score",
    severity: "warning",
    test: (it) => it.scoreParse.kind === "ok" && it.scoreParse.warnings.includes("percent"),
    message: (it) =>
      msg(
        `ข้อ ${it.code}: คะแนนเก็บเป็นร้อยละ (${it.score}%) จึงอ่านเป็น ${it.score} คะแนน แต่แบบรายงานที่พิมพ์จะแสดงเป็น ${((it.score ?? 0) / 100).toFixed(2)} คะแนน: พิมพ์ใหม่เป็นตัวเลข ${it.score} (ไม่มีเครื่องหมาย %) หรือกดปุ่มแปลงในบานหน้าต่าง`,
        `${it.code}: the score is stored as a percentage (${it.score}%), read as ${it.score}, but the printed form shows ${((it.score ?? 0) / 100).toFixed(2)}: type it again as the number ${it.score} (without %), or press the convert button in the pane`
      ),
  },
  {
    // A number typed into a Text cell, or pasted with its label ("(95.95 คะแนน)", Thai digits):
    // read, but the form's score line is a formula over a number, so the printed form shows none.
    id: "score.text",
    field: "score",
    severity: "warning",
    test: (it) => it.scoreParse.kind === "ok" && typeof it.scoreRaw === "string",
    message: (it) =>
      msg(
        `ข้อ ${it.code}: คะแนนเก็บเป็นข้อความ ("${it.scoreRaw}") จึงอ่านเป็น ${it.score} คะแนน แต่แบบรายงานที่พิมพ์จะไม่แสดงคะแนนข้อนี้: พิมพ์ใหม่เป็นตัวเลข ${it.score} หรือกดปุ่มแปลงในบานหน้าต่าง`,
        `${it.code}: the score is stored as text ("${it.scoreRaw}"), read as ${it.score}, but the printed form shows no score for it: type it again as the number ${it.score}, or press the convert button in the pane`
      ),
  },
  {
    // 0.94 pasted from a sheet that kept the score as a fraction of 1 (94%), without the % format.
    id: "score.fraction",
    field: "score",
    severity: "warning",
    test: (it) => it.scoreParse.kind === "ok" && it.scoreParse.warnings.includes("fraction"),
    message: (it) => {
      const hundred = Math.round((it.score ?? 0) * 10000) / 100;
      return msg(
        `ข้อ ${it.code}: คะแนน ${it.score} น้อยผิดปกติ อาจเป็นร้อยละ ${hundred} ที่วางมาเป็นทศนิยม: ตรวจสอบคะแนน และพิมพ์เป็นคะแนนเต็ม 100 เช่น ${hundred}`,
        `${it.code}: the score ${it.score} is unusually low; it may be ${hundred}% pasted as a fraction: check it, and type the score out of 100, such as ${hundred}`
      );
    },
  },
  {
    id: "score.date",
    field: "score",
    severity: "warning",
    test: (it) => it.scoreParse.kind === "ok" && it.scoreParse.warnings.includes("date"),
    message: (it) =>
      msg(
        `ข้อ ${it.code}: ช่องคะแนนจัดรูปแบบเป็นวันที่ จึงแสดงเป็นวันที่ (อ่านเป็น ${it.score} คะแนน): จัดรูปแบบช่องเป็นตัวเลข`,
        `${it.code}: the score cell is formatted as a date, so it shows a date (read as ${it.score}): format the cell as a number`
      ),
  },
  {
    id: "flag.measures-required",
    field: "measures",
    severity: "error",
    test: (it, ctx) => ctx.flagged && !saysSomething(it.measures),
    message: (it, ctx) =>
      msg(
        `ข้อ ${it.code} ได้ ${it.score} คะแนน ต่ำกว่าเกณฑ์ ${ctx.passMark} แต่ยังไม่มีมาตรการ/กิจกรรม`,
        `${it.code} scored ${it.score}, under the pass mark ${ctx.passMark}, but has no measures`
      ),
  },
  {
    id: "flag.measures-shared",
    field: "measures",
    severity: "warning",
    test: (it, ctx) => ctx.flagged && saysSomething(it.measures) && it.sharedWith.length > 0,
    message: (it) => {
      const group = codeSpan([it.code, ...it.sharedWith]);
      return msg(
        `ข้อ ${it.code} ต่ำกว่าเกณฑ์ และใช้ช่องมาตรการร่วมกันทั้งกลุ่มข้อ ${group} ควรมีมาตรการที่มุ่งแก้ข้อ ${it.code} โดยตรง`,
        `${it.code} is under the pass mark and its measures are in the one cell ${group} share; consider a measure aimed at ${it.code}`
      );
    },
  },
  {
    id: "flag.measures-copied",
    field: "measures",
    severity: "warning",
    test: (_it, ctx) => ctx.flagged && ctx.copiedFrom.length > 0,
    message: (it, ctx) => {
      const others = codeSpan(ctx.copiedFrom);
      return msg(
        `ข้อ ${it.code} ต่ำกว่าเกณฑ์ และมาตรการยังเป็นข้อความเดียวกับข้อ ${others}: ปรับให้เป็นมาตรการที่มุ่งแก้ข้อ ${it.code} โดยตรง`,
        `${it.code} is under the pass mark and its measures are still the same text as ${others}'s: rewrite them as measures aimed at ${it.code}`
      );
    },
  },
  {
    id: "flag.evidence",
    field: "evidence",
    severity: "warning",
    test: (it, ctx) => ctx.flagged && !saysSomething(it.evidence) && it.photos === 0,
    message: (it) =>
      msg(
        `ข้อ ${it.code} ต่ำกว่าเกณฑ์ แต่ยังไม่มีหลักฐาน/ภาพกิจกรรม`,
        `${it.code} is under the pass mark but has no evidence (photos or links)`
      ),
  },
  {
    id: "results.missing",
    field: "results",
    severity: { 6: "warning", 12: "error" },
    test: (it) => saysSomething(it.measures) && !saysSomething(it.results),
    message: (it, ctx) =>
      ctx.round === 12
        ? msg(
            `ข้อ ${it.code}: มีมาตรการแต่ยังไม่รายงานผลการดำเนินการ (รอบ 12 เดือนต้องมีผล)`,
            `${it.code}: measures without results (required in the 12-month round)`
          )
        : msg(
            `ข้อ ${it.code}: มีมาตรการแต่ยังไม่รายงานผลการดำเนินการ`,
            `${it.code}: measures without results yet`
          ),
  },
  {
    id: "results.carried",
    field: "results",
    severity: "warning",
    test: (_it, ctx) => ctx.resultsCarried !== null,
    message: (_it, ctx) => {
      const { report, codes } = ctx.resultsCarried!;
      const span = codeSpan(codes);
      return msg(
        `ข้อ ${span}: ผลการดำเนินงานยังเหมือน${report.th} — เพิ่มผลที่ดำเนินการหลังจากนั้น`,
        `${span}: Results unchanged since ${report.en} — add what was done after it`
      );
    },
  },
  {
    id: "oit.evidence-url",
    scope: { tools: ["OIT"] },
    field: "evidence",
    severity: "warning",
    test: (it) => !URL_RE.test(it.evidence) && it.photos === 0,
    message: (it) =>
      msg(
        `ข้อ ${it.code}: หลักฐานของ OIT ควรเป็นลิงก์ (URL) ไปยังข้อมูลที่เปิดเผย หรือภาพหน้าเว็บไซต์`,
        `${it.code}: OIT evidence should be a link (URL) to the disclosed information, or a picture of the page`
      ),
  },
];
