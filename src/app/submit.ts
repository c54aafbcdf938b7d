/**
 * A district sends its report: the workbook's bytes go to the period's folder of the city's library
 * under the name the convention gives (unit code, fiscal year, round: `1035-2570-r6.xlsx`), replacing
 * the unit's earlier file (SharePoint keeps it as a version). What is sent is what the central
 * office will merge, so the bytes are read and checked here as the merge reads them — the file as
 * saved, not the sheet on screen: a fix not yet saved is caught before anything is sent.
 *
 * The library's layout (docs/m365-setup.md): `<library>/<year>-r<round>/` for each period, with a
 * folder per unit inside it (`…/2570-r6/1035/`) where the library keeps each unit to its own folder;
 * without the unit's folder the file goes into the period's folder.
 */
import { ReasonError } from "../domain/errors";
import type { FormSheet } from "../domain/layout/read";
import { Period, periodWords } from "../domain/period";
import { validate } from "../domain/rules/engine";
import { Msg, msg } from "../domain/text";
import { Unit, unitName } from "../domain/units";
import {
  DriveFolder,
  GraphClient,
  GraphError,
  itemAt,
  latestVersion,
  resolveFolder,
  uploadFile,
} from "../graph";
import { readUnitFile } from "../xlsx/read/submission";
import type { Inflater } from "../xlsx/read/zip";

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The period's folder in the library: `2570-r6`. */
export const periodFolder = (p: Period) => `${p.fiscalYear}-r${p.round}`;

/** What names a unit in the library: its code, or for a unit without one its name made safe for SharePoint. */
export function unitKey(u: Unit): string {
  if (u.code) return u.code;
  // Characters SharePoint does not allow in names, and spaces and dots at the ends.
  return u.th.replace(/["*:<>?/\\|#%]/g, "-").replace(/^[\s.]+|[\s.]+$/g, "") || "unit";
}

/** The file's name by the convention: `1035-2570-r6.xlsx`. */
export const submissionName = (u: Unit, p: Period) =>
  `${unitKey(u)}-${p.fiscalYear}-r${p.round}.xlsx`;

export type SubmitStep =
  | { step: "checking" }
  | { step: "locating" }
  | { step: "uploading"; sent: number; total: number }
  | { step: "version" };

export interface SubmitOptions {
  /** The library's folder URL (the configuration's). */
  library: string;
  /** The workbook's bytes as Office gives them (`getFileAsync(Compressed)`). */
  bytes: Uint8Array;
  /** The name messages use for the workbook. */
  workbook: string;
  inflate: Inflater;
  now?: Date;
  onProgress?: (s: SubmitStep) => void;
}

export interface Submitted {
  unit: Unit;
  period: Period;
  /** The file's name and where it went: `2570-r6/1035/1035-2570-r6.xlsx` under the library. */
  name: string;
  path: string;
  webUrl: string | null;
  /** When Microsoft 365 recorded it, and the version it is (`3.0`; null if the library will not say). */
  at: string | null;
  version: string | null;
  /** The unit's file it replaced: when that was sent, and by whom. */
  replaced: { at: string | null; by: string | null } | null;
  size: number;
}

/** The one unit and period the workbook reports, checked as the merge will read it. */
export function checkWorkbook(
  workbook: string,
  bytes: Uint8Array,
  inflate: Inflater,
  now?: Date
): { form: FormSheet; unit: Unit; period: Period } {
  const read = readUnitFile(workbook, bytes, { inflate });
  if (read.kind === "summary")
    throw new ReasonError(
      msg(
        `สมุดงานนี้เป็นไฟล์สรุปที่ ita เขียน ไม่ใช่รายงานของหน่วยงาน จึงไม่ส่ง`,
        `This workbook is a summary written by ita, not a unit's report; it is not sent`
      )
    );
  if (read.kind === "own-report")
    throw new ReasonError(
      msg(
        "ไฟล์นี้เป็นรายงาน Word ที่ ita เขียน ไม่ใช่แบบรายงานของหน่วยงาน จึงไม่ส่ง",
        "This file is a Word report written by ita, not a unit's form; it is not sent"
      )
    );
  const refused = read.subs.find((s) => !s.form);
  if (refused?.error) throw new ReasonError(refused.error);
  const forms = read.subs.map((s) => s.form!).filter(Boolean);
  if (!forms.length)
    throw new ReasonError(
      msg(
        "สมุดงานที่บันทึกไว้ไม่มีชีตแบบรายงาน ITA: บันทึกสมุดงาน (Ctrl+S) แล้วส่งอีกครั้ง",
        "The saved workbook has no ITA report sheet: save the workbook (Ctrl+S) and send again"
      )
    );
  const key = (f: FormSheet) =>
    `${f.unit.value ? unitKey(f.unit.value) : "?"}|${f.fiscalYear.value}|${f.round.value}`;
  if (new Set(forms.map(key)).size > 1)
    throw new ReasonError(
      msg(
        `สมุดงานนี้มีแบบรายงานของหลายหน่วยงานหรือหลายรอบ (${forms.map((f) => `ชีต "${f.sheet}"`).join(", ")}) ส่งได้ครั้งละหนึ่งหน่วยงานหนึ่งรอบ: แยกเป็นสมุดงานละหนึ่งรายงาน`,
        `This workbook holds the reports of several units or periods (${forms.map((f) => `sheet "${f.sheet}"`).join(", ")}); one unit and period is sent at a time: keep one report per workbook`
      )
    );
  const form = forms[0];
  const unit = form.unit.value;
  const fy = form.fiscalYear.value;
  const round = form.round.value;
  if (!unit || fy === null || (round !== 6 && round !== 12))
    throw new ReasonError(
      msg(
        `ชีต "${form.sheet}" ยังไม่ระบุหน่วยงาน ปีงบประมาณ หรือรอบ (6 หรือ 12 เดือน) จึงตั้งชื่อไฟล์ที่ส่งไม่ได้: กรอกให้ครบ บันทึก แล้วส่งอีกครั้ง`,
        `Sheet "${form.sheet}" does not give its unit, fiscal year or round (6 or 12 months), so the file sent cannot be named: fill them in, save and send again`
      )
    );
  for (const f of forms) {
    const v = validate(f, { now });
    if (v.errors)
      throw new ReasonError(
        msg(
          `สมุดงานที่บันทึกไว้ยังมีข้อผิดพลาด ${v.errors} รายการในชีต "${f.sheet}" (เซลล์ ${cellsOf(v.issues)}) จึงยังไม่ส่ง: ถ้าแก้แล้ว ให้บันทึกสมุดงาน (Ctrl+S) แล้วส่งอีกครั้ง`,
          `The saved workbook still has ${v.errors} error${v.errors === 1 ? "" : "s"} on sheet "${f.sheet}" (cells ${cellsOf(v.issues)}), so it is not sent: if you fixed them, save the workbook (Ctrl+S) and send again`
        )
      );
  }
  return { form, unit, period: { fiscalYear: fy, round } };
}

function cellsOf(issues: readonly { severity: string; cell: string | null }[]): string {
  const cells = issues.filter((i) => i.severity === "error" && i.cell).map((i) => i.cell!);
  const shown = cells.slice(0, 5).join(", ");
  return cells.length > 5 ? `${shown} …` : shown || "-";
}

const doing = (what: string, en: string) => msg(what, en);

/**
 * Send the workbook: check it, find the period's folder (and the unit's folder in it), upload with
 * "replace", and say when, where and which version. Every failure is a ReasonError in words.
 */
export async function submitWorkbook(g: GraphClient, o: SubmitOptions): Promise<Submitted> {
  o.onProgress?.({ step: "checking" });
  const { unit, period } = checkWorkbook(o.workbook, o.bytes, o.inflate, o.now);
  const name = submissionName(unit, period);
  const folderName = periodFolder(period);
  const words = periodWords(period);

  o.onProgress?.({ step: "locating" });
  const library: DriveFolder = await resolveFolder(g, o.library);
  const look = doing(
    `หาโฟลเดอร์ ${folderName} ในไลบรารี ${library.name}`,
    `find the folder ${folderName} in the library ${library.name}`
  );
  // The unit's own folder first: where the library keeps units apart, the district may see no more.
  const unitPath = `${folderName}/${unitKey(unit)}`;
  let target = await itemAt(g, library, unitPath, look);
  let path = `${unitPath}/${name}`;
  if (!target?.folder) {
    target = await itemAt(g, library, folderName, look);
    path = `${folderName}/${name}`;
  }
  if (!target?.folder)
    throw new ReasonError(
      msg(
        `ไลบรารี ${library.name} ยังไม่มีโฟลเดอร์ ${folderName} ของ${words.th} จึงส่งไม่ได้: แจ้งส่วนกลางให้สร้างโฟลเดอร์ของรอบนี้ (ดู docs/m365-setup.md)`,
        `The library ${library.name} has no folder ${folderName} for the ${words.en}, so the report cannot be sent: ask the central office to create the round's folder (see docs/m365-setup.md)`
      )
    );
  const folder = { driveId: library.driveId, id: target.id };
  const sendAction = doing(`ส่งไฟล์ ${name} ไปที่ ${path}`, `send ${name} to ${path}`);
  const before = await itemAt(g, folder, name, sendAction);

  const item = await uploadFile(g, {
    folder,
    name,
    bytes: o.bytes,
    contentType: XLSX_TYPE,
    action: sendAction,
    onProgress: (p) => o.onProgress?.({ step: "uploading", sent: p.sent, total: p.total }),
  });
  o.onProgress?.({ step: "version" });
  const version = await latestVersion(
    g,
    library.driveId,
    item.id,
    doing(`อ่านรุ่นของไฟล์ ${name}`, `read the versions of ${name}`)
  );
  return {
    unit,
    period,
    name,
    path,
    webUrl: item.webUrl ?? null,
    at: item.lastModifiedDateTime ?? null,
    version,
    replaced: before
      ? {
          at: before.lastModifiedDateTime ?? null,
          by: before.lastModifiedBy?.user?.displayName ?? null,
        }
      : null,
    size: o.bytes.length,
  };
}

/** A time as people in Bangkok read it: `2 พ.ย. 2569 16:01 น.` / `2 Nov 2026, 16:01 (Bangkok time)`. */
export function whenWords(iso: string | null): Msg {
  if (!iso || Number.isNaN(Date.parse(iso))) return msg("-", "-");
  const d = new Date(iso);
  const o: Intl.DateTimeFormatOptions = {
    timeZone: "Asia/Bangkok",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  };
  return msg(
    // A no-break space: "น." never starts a line of its own.
    `${new Intl.DateTimeFormat("th-TH", o).format(d)}\u00a0น.`,
    `${new Intl.DateTimeFormat("en-GB", o).format(d)} (Bangkok time)`
  );
}

/** What a shell says after sending: where, when, which version, and what it replaced. */
export function submittedWords(s: Submitted, library: string): Msg {
  const when = whenWords(s.at);
  const v = s.version ? ` รุ่น ${s.version}` : "";
  const vEn = s.version ? `, version ${s.version}` : "";
  const before = s.replaced ? whenWords(s.replaced.at) : null;
  return msg(
    `ส่งรายงานของ${unitName(s.unit, "th")} ${periodWords(s.period).th} แล้ว เมื่อ ${when.th}: ${s.path} ในไลบรารี ${library}${v}` +
      (before ? ` แทนไฟล์ที่ส่งไว้เมื่อ ${before.th} (SharePoint เก็บรุ่นเดิมไว้)` : ""),
    `Sent the report of ${unitName(s.unit, "en")} for the ${periodWords(s.period).en} at ${when.en}: ${s.path} in the library ${library}${vEn}.` +
      (before
        ? ` It replaces the file sent ${before.en} (SharePoint keeps the earlier version).`
        : "")
  );
}

export { GraphError };
