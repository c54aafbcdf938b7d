import { FISCAL_YEAR_RANGE } from "../bounds";
import { currentFiscalYear } from "../fiscal";
import { msg, thaiDigitsToAscii } from "../text";
import { suggestDistricts } from "../unitMatch";
import { unitDisplayName } from "../units";
import { codeSpan } from "../codes";
import { parseRange } from "../layout/a1";
import { FormSheet } from "../layout/read";
import { ReportRule } from "./types";

/** The items whose rows a cell or merged area covers (I1…I4), else the item above it. */
function itemsAt(f: FormSheet, cell: string): string[] {
  const r = parseRange(cell);
  if (!r) return [];
  const inside = f.items.filter((it) => it.row >= r.r1 && it.row <= r.r2).map((it) => it.code);
  if (inside.length) return inside;
  const above = f.items.filter((it) => it.row < r.r1 && r.r1 > f.headerRow);
  return above.length ? [above.reduce((a, b) => (b.row > a.row ? b : a)).code] : [];
}

/** The reader's problems of a "(ต่อ)" part, each with the item whose cell it is in. */
const continuationProblems = (f: FormSheet, kind: "stale-continuation" | "orphan-continuation") =>
  f.problems
    .filter((p) => p.kind === kind)
    .map((p) => ({ code: itemsAt(f, p.cell!)[0] ?? null, cell: p.cell, message: p.message }));

export const REPORT_RULES: readonly ReportRule[] = [
  {
    id: "meta.unit",
    severity: "error",
    check: (f) =>
      f.unit.value
        ? []
        : [{ cell: f.unit.cell, message: msg("ยังไม่ได้ระบุหน่วยงาน", "The unit is not given") }],
  },
  {
    // A misspelt district is otherwise taken as another unit, and the district then counts as missing.
    id: "meta.unit-near-miss",
    severity: "warning",
    check: (f) => {
      if (!f.unit.value || f.unit.value.code) return [];
      const near = suggestDistricts(f.unit.raw);
      if (!near.length) return [];
      const th = near.map(unitDisplayName).join(" / ");
      const en = near.map((u) => u.en).join(" / ");
      return [
        {
          cell: f.unit.cell,
          message: msg(
            `หน่วยงาน "${f.unit.raw}" ไม่ตรงกับชื่อเขตใด หมายถึง ${th} หรือไม่ (ถ้าใช่ กรุณาแก้ชื่อ มิฉะนั้นตอนรวมผลจะนับเป็นหน่วยงานอื่น)`,
            `Unit "${f.unit.raw}" matches no district: did you mean ${en}? (If so, correct the name; otherwise the summary counts it as another unit)`
          ),
        },
      ];
    },
  },
  {
    id: "meta.fiscal-year",
    severity: "error",
    check: (f, now) => {
      const fy = f.fiscalYear.value;
      const latest = currentFiscalYear(now) + 1;
      if (fy === null)
        return [
          {
            cell: f.fiscalYear.cell,
            message: f.fiscalYear.raw.trim()
              ? msg(
                  `ปีงบประมาณ "${f.fiscalYear.raw.trim()}" ไม่ใช่ปี พ.ศ. 4 หลัก: พิมพ์เช่น ${currentFiscalYear(now)}`,
                  `Fiscal year "${f.fiscalYear.raw.trim()}" is not a 4-digit B.E. year: type it as ${currentFiscalYear(now)}, for example`
                )
              : msg("ยังไม่ได้ระบุปีงบประมาณ (พ.ศ.)", "The fiscal year (B.E.) is not given"),
          },
        ];
      if (fy >= 1990 && fy <= 2200) {
        return [
          {
            cell: f.fiscalYear.cell,
            message: msg(
              `ปีงบประมาณ ${fy} ดูเป็น ค.ศ. ให้ใช้ พ.ศ. (${fy + 543})`,
              `Fiscal year ${fy} looks like C.E.; use B.E. (${fy + 543})`
            ),
          },
        ];
      }
      if (fy < FISCAL_YEAR_RANGE.min || fy > latest) {
        return [
          {
            cell: f.fiscalYear.cell,
            message: msg(
              `ปีงบประมาณ ${fy} ไม่อยู่ในช่วง ${FISCAL_YEAR_RANGE.min}–${latest}`,
              `Fiscal year ${fy} is outside ${FISCAL_YEAR_RANGE.min}–${latest}`
            ),
          },
        ];
      }
      return [];
    },
  },
  {
    id: "meta.round",
    severity: "error",
    check: (f) =>
      f.round.value === 6 || f.round.value === 12
        ? []
        : [
            {
              cell: f.round.cell,
              message: msg(
                `รอบการรายงานต้องเป็น 6 หรือ 12 เดือน (พบ "${f.round.raw}")`,
                `The report round must be 6 or 12 months (found "${f.round.raw}")`
              ),
            },
          ],
  },
  {
    // The printed title is worked out from these cells by a formula: Thai digits there are text to
    // it ("๒๕๖๙" leaves the months' first year out; "๑๒" prints the 6-month round).
    id: "meta.thai-digits",
    severity: "warning",
    check: (f) =>
      [f.fiscalYear, f.round]
        .filter((m) => /[๐-๙]/u.test(m.raw))
        .map((m) => ({
          cell: m.cell,
          message: msg(
            `"${m.raw.trim()}" พิมพ์ด้วยเลขไทย: พิมพ์ด้วยเลขอารบิก (${thaiDigitsToAscii(m.raw.trim())}) เพื่อให้หัวรายงานที่พิมพ์แสดงปีและรอบถูกต้อง`,
            `"${m.raw.trim()}" is in Thai digits: type it in Arabic digits (${thaiDigitsToAscii(m.raw.trim())}) so that the printed title shows the year and round right`
          ),
        })),
  },
  {
    id: "meta.pass-mark",
    severity: "error",
    check: (f) =>
      f.passMark.raw && f.passMark.value === null
        ? [
            {
              cell: f.passMark.cell,
              message: msg(
                `เกณฑ์ผ่าน "${f.passMark.raw}" ต้องเป็นตัวเลข 0–100`,
                `Pass mark "${f.passMark.raw}" must be a number from 0 to 100`
              ),
            },
          ]
        : [],
  },
  {
    // The form's pass mark is the city's (85 since FY2566): a unit's other one would flag other items.
    id: "meta.pass-mark-differs",
    severity: "warning",
    check: (f) =>
      f.passMark.value !== null && f.passMark.value !== f.formDef.passMark
        ? [
            {
              cell: f.passMark.cell,
              message: msg(
                `เกณฑ์ผ่าน ${f.passMark.value} ไม่ตรงกับเกณฑ์ของแบบฟอร์ม (${f.formDef.passMark} คะแนน) ซึ่งเปลี่ยนข้อที่ถือว่าต่ำกว่าเกณฑ์: ให้แก้เป็น ${f.formDef.passMark} หากไม่ได้ตั้งใจเปลี่ยน`,
                `The pass mark ${f.passMark.value} is not the form's (${f.formDef.passMark}), which changes the items taken as under it: set it back to ${f.formDef.passMark} unless the change is meant`
              ),
            },
          ]
        : [],
  },
  {
    id: "meta.preparer",
    severity: "warning",
    check: (f) =>
      f.preparer.value
        ? []
        : [
            {
              cell: f.preparer.cell,
              message: msg("ยังไม่ได้ระบุผู้จัดทำรายงาน", "The preparer is not given"),
            },
          ],
  },
  {
    id: "form.item-missing",
    severity: "error",
    check: (f) =>
      f.problems
        .filter((p) => p.kind === "missing-item")
        .map((p) => ({ code: p.code, message: p.message })),
  },
  {
    id: "form.item-duplicate",
    severity: "error",
    check: (f) =>
      f.problems
        .filter((p) => p.kind === "duplicate-code")
        .map((p) => ({ code: p.code, cell: p.cell, message: p.message })),
  },
  {
    id: "form.item-unknown",
    severity: "error",
    check: (f) =>
      f.problems
        .filter((p) => p.kind === "unknown-code")
        .map((p) => ({ code: p.code, cell: p.cell, message: p.message })),
  },
  {
    // The text needs more height than its rows give (a merged cell, or a row whose height was set,
    // which Excel never grows): what is below them is not printed.
    id: "print.clipped",
    severity: "warning",
    measuresPrint: true,
    check: (f) =>
      (f.cutOffs ?? []).map((c) => {
        const codes = itemsAt(f, c.cell);
        const span = codeSpan(codes);
        const of = codes.length ? msg(` (ข้อ ${span})`, ` (${span})`) : msg("", "");
        return {
          code: codes[0] ?? null,
          cell: c.anchor,
          message: msg(
            `ข้อความในเซลล์ ${c.cell}${of.th} ยาว ${c.lines} บรรทัด แต่แถวสูงพอเพียง ${c.fits} บรรทัด ส่วนที่เกินจะไม่ถูกพิมพ์: กด "จัดหน้าพิมพ์" ในบานหน้าต่าง หรือใช้คำสั่ง ita fit`,
            `The text in ${c.cell}${of.en} takes ${c.lines} lines but its rows give ${c.fits}: the rest will be cut off in print; press "Fit for printing" in the pane, or run ita fit`
          ),
        };
      }),
  },
  {
    // A "(ต่อ)" part left from the text the user typed over: read once, printed twice.
    id: "print.repeated",
    severity: "warning",
    check: (f) => continuationProblems(f, "stale-continuation"),
  },
  {
    // A "(ต่อ)" part left below a first part that was cleared or typed over: the rest of the
    // earlier text is read (and printed) after the new one.
    id: "print.orphan",
    severity: "warning",
    check: (f) => continuationProblems(f, "orphan-continuation"),
  },
  {
    // Text typed in a row the user inserted, or beside the form: no item's cell, so not read (the
    // central summary does not get it) and not carried when the sheet is fitted.
    id: "form.stray-text",
    severity: "warning",
    check: (f) =>
      (f.strays ?? []).map((s) => {
        const code = itemsAt(f, s.cell)[0] ?? null;
        const to = code
          ? msg(`ในช่องของข้อ ${code}`, `into ${code}'s cell`)
          : msg("ในช่องของข้อที่เกี่ยวข้อง", "into the cell of the item it belongs to");
        return {
          code,
          cell: s.cell,
          message: msg(
            `ข้อความในเซลล์ ${s.cell} ("${s.text}") ไม่อยู่ในช่องของข้อใดในแบบรายงาน (เช่น พิมพ์ในแถวที่แทรกเพิ่ม หรือนอกคอลัมน์ของแบบ) จึงไม่ถูกอ่านและไม่เข้าสรุปของส่วนกลาง: ย้ายข้อความไปไว้${to.th} แล้วลบแถวหรือเซลล์ที่เพิ่มไว้`,
            `The text in ${s.cell} ("${s.text}") is in no item's cell of the form (typed in an inserted row, or beside the form), so it is not read and does not reach the central summary: move it ${to.en}, then delete the added row or cell`
          ),
        };
      }),
  },
  {
    id: "layout.column",
    severity: "warning",
    check: (f) =>
      f.problems
        .filter((p) => p.kind === "column-moved")
        .map((p) => ({ cell: p.cell, message: p.message })),
  },
];
