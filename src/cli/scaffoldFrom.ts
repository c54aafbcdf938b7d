import path from "path";
import {
  countEn,
  defaultSheetName,
  FormDef,
  formLabel,
  evidenceTargets,
  msg,
  periodAfter,
  periodOf,
  planCarry,
  ReasonError,
  renderForm,
  Round,
  Unit,
} from "../domain";
import { nodeInflate } from "../xlsx/nodeInflate";
import { readEarlierReport } from "../xlsx/read/earlierReport";
import { UserError } from "./args";
import type { Io } from "./io";
import { refuseUnitReport, sameFile } from "./outputFile";
import { readTextFile } from "./textFile";

export interface FromEarlierArgs {
  out: string;
  /** The earlier report's file and bytes (already told to be a workbook). */
  from: string;
  bytes: Uint8Array;
  /** Which form sheet of it (`--from-sheet`); else the latest report the file holds. */
  fromSheet?: string;
  /** The new sheet's name (`--sheet`). */
  sheet?: string;
  year?: number;
  round?: Round;
  threshold?: number;
  preparer?: string;
  unit?: Unit;
  form?: FormDef | null;
  scores?: string;
  photos: boolean;
}

const SCORES_LIST = msg(
  "รายการคะแนน (ข้อความ เช่น CSV: I22,82.01 หนึ่งข้อต่อบรรทัด)",
  "a scores list (text such as CSV: I22,82.01, one item a line)"
);

/**
 * `ita scaffold --from EARLIER.xlsx -o NEW.xlsx [--round …] [--year …] [--scores SCORES.csv]
 * [--photos]`: the report after the earlier one (said on stderr before writing, with what is
 * carried and what is not), written as a normal form of the new period with the digests of what it
 * carried. The earlier file is only read.
 */
export async function scaffoldFromEarlier(a: FromEarlierArgs, io: Io): Promise<number> {
  if (sameFile(a.out, a.from))
    throw new UserError(
      msg(
        `ไฟล์ผลลัพธ์ ${a.out} เป็นไฟล์เดียวกับรายงานครั้งก่อน (${a.from}) จึงไม่เขียนทับ: ระบุชื่อไฟล์ใหม่ด้วย -o`,
        `The output ${a.out} is the earlier report itself (${a.from}); it is not written over: give a new file name with -o`
      )
    );
  await refuseUnitReport(a.out);
  const earlier = readEarlierReport(a.from, a.bytes, {
    inflate: nodeInflate,
    formDef: a.form ?? undefined,
    sheet: a.fromSheet,
  });
  const source = path.basename(a.from);
  const scoresText = a.scores === undefined ? undefined : await readTextFile(a.scores, SCORES_LIST);
  const f = earlier.form;
  const from = periodOf({ fiscalYear: f.fiscalYear.value, round: f.round.value });
  let plan;
  try {
    plan = planCarry(f, {
      source,
      to:
        from && (a.year !== undefined || a.round !== undefined)
          ? periodAfter(from, { fiscalYear: a.year, round: a.round })
          : undefined,
      form: a.form ?? undefined,
      scores:
        scoresText === undefined ? undefined : { name: path.basename(a.scores!), text: scoresText },
      passMark: a.threshold,
      preparer: a.preparer,
      unit: a.unit,
    });
  } catch (e) {
    if (e instanceof ReasonError) throw new UserError(e.reason);
    throw e;
  }
  if (earlier.sheets.length > 1 && a.fromSheet === undefined)
    io.err(
      `ไฟล์ ${source} มีแบบรายงาน ${earlier.sheets.length} ชีต: ใช้ชีต "${f.sheet}" (เลือกชีตอื่นด้วย --from-sheet)\n` +
        `${source} holds ${earlier.sheets.length} report sheets: using "${f.sheet}" (choose another with --from-sheet)\n`
    );
  for (const n of plan.notes) io.err(`${n.th}\n${n.en}\n`);
  for (const u of plan.scores.unmatched)
    io.err(`${a.scores}:${u.line}: ${u.reason.th} / ${u.reason.en}: ${u.text}\n`);

  const model = renderForm(
    plan.form,
    plan.meta,
    plan.report,
    a.sheet ?? defaultSheetName(plan.meta),
    { carried: plan.carried }
  );

  // Photos: carried when asked, into the evidence cell of the item that continues each one.
  const photos: { cell: string; images: { bytes: Uint8Array; format: "png" | "jpeg" }[] }[] = [];
  const total = plan.photos.reduce((n, p) => n + p.count, 0);
  if (total && !a.photos)
    io.err(
      `รายงานเดิมมีภาพกิจกรรม ${total} ภาพ: ไม่ได้ยกมา (เพิ่ม --photos เพื่อยกมาด้วย)\n` +
        `The earlier report has ${countEn(total, "photo")}: not carried (add --photos to carry them)\n`
    );
  else if (a.photos && plan.kind === "newYear")
    io.err(
      "ภาพกิจกรรมไม่ยกไปปีงบประมาณใหม่ (หลักฐานของปีก่อนไม่ใช่ของปีนี้)\n" +
        "Photos are not carried into a new fiscal year (last year's evidence is not this year's)\n"
    );
  else if (a.photos && total) {
    const found = earlier.photosIn(plan.photos.map((p) => p.cell));
    const here = evidenceTargets(model, plan.form);
    let carried = 0;
    const skipped: string[] = [];
    for (const p of plan.photos) {
      const images = found.get(p.cell) ?? [];
      const usable = images.filter(
        (i): i is typeof i & { format: "png" | "jpeg" } => i.format !== "other"
      );
      if (usable.length < images.length) skipped.push(p.code);
      const cell = here.get(p.code)?.cell;
      if (!cell || !usable.length) continue;
      photos.push({ cell, images: usable.map((i) => ({ bytes: i.bytes, format: i.format })) });
      carried += usable.length;
    }
    io.err(
      `ยกภาพกิจกรรมมา ${carried} ภาพ${skipped.length ? ` (ภาพที่ไม่ใช่ PNG/JPEG ไม่ได้ยกมา: ข้อ ${skipped.join(", ")})` : ""}\n` +
        `${countEn(carried, "photo")} carried${skipped.length ? ` (pictures other than PNG/JPEG not carried: ${skipped.join(", ")})` : ""}\n`
    );
  }

  const { writeFormWorkbook } =
    require("../xlsx/write/writeForm") as typeof import("../xlsx/write/writeForm");
  await writeFormWorkbook(a.out, model, photos);
  io.out(
    `เขียนแบบรายงานแล้ว / Form written: ${a.out} (sheet "${model.name}", ${formLabel(plan.form)}, ${countEn(plan.form.items.length, "item")})\n`
  );
  return 0;
}
