import { Msg, msg, NotAFormError, ReasonError, UnknownFormError } from "../domain";

/** An Office.js failure turned into a message for the user (Thai and English) that says what to do. */
export class ExcelActionError extends ReasonError {
  constructor(
    reason: Msg,
    readonly code?: string
  ) {
    super(reason);
  }
}

/**
 * What each Office.js error code means for the user and what to do about it. The codes are Excel's
 * ("Error handling with the application-specific JavaScript APIs",
 * https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling).
 */
export const ERROR_MESSAGES: Record<string, Msg> = {
  InvalidOperationInCellEditMode: msg(
    "Excel กำลังแก้ไขเซลล์อยู่ กด Enter หรือ Esc แล้วลองอีกครั้ง",
    "Excel is editing a cell: press Enter or Esc and try again"
  ),
  AccessDenied: msg(
    "ชีตหรือสมุดงานถูกป้องกันไว้ (อาจโดยผู้อื่น) หรือ Excel ไม่อนุญาตให้แก้ไขตอนนี้ ยกเลิกการป้องกันชีต (รีวิว > ยกเลิกการป้องกันแผ่นงาน) หรือปิดโหมดอ่านอย่างเดียว แล้วลองอีกครั้ง",
    "The sheet or workbook is protected (perhaps by someone else) or Excel does not allow changes now: unprotect the sheet (Review > Unprotect Sheet) or leave read-only mode, then try again"
  ),
  BadPassword: msg(
    "ชีตนี้ถูกป้องกันด้วยรหัสผ่าน ขอรหัสผ่านจากผู้ที่ป้องกันไว้ ยกเลิกการป้องกัน (รีวิว > ยกเลิกการป้องกันแผ่นงาน) แล้วลองอีกครั้ง",
    "This sheet is protected with a password: ask whoever protected it, unprotect it (Review > Unprotect Sheet) and try again"
  ),
  GeneralException: msg(
    "Excel ทำคำสั่งไม่สำเร็จโดยไม่แจ้งสาเหตุ บันทึกงาน ปิดแล้วเปิดบานหน้าต่าง ITA ใหม่ แล้วลองอีกครั้ง",
    "Excel could not complete the action and gave no reason: save your work, close and reopen the ITA pane, and try again"
  ),
  InvalidSelection: msg(
    "Excel ไม่อยู่ในสมุดงานนี้แล้ว (อาจสลับไปสมุดงานอื่น) กลับมาที่สมุดงานนี้ คลิกเซลล์ใดก็ได้ แล้วลองอีกครั้ง",
    "Excel is no longer on this workbook (another workbook may have taken focus): come back to this workbook, click any cell and try again"
  ),
  PropertyNotLoaded: msg(
    "เกิดข้อผิดพลาดภายในของ Add-in ปิดแล้วเปิดบานหน้าต่าง ITA ใหม่ แล้วลองอีกครั้ง หากยังเกิดอีก โปรดแจ้งผู้ดูแลพร้อมข้อความนี้",
    "An internal error of the add-in: close and reopen the ITA pane and try again; if it happens again, report it with this message"
  ),
  RequestPayloadSizeLimitExceeded: msg(
    "ข้อมูลมากเกินกว่าที่ Excel บนเว็บรับได้ในครั้งเดียว ลองรวมไฟล์ทีละน้อยลง หรือใช้ Excel บนเดสก์ท็อป หรือใช้คำสั่ง ita merge",
    "The data is more than Excel on the web accepts at once: merge fewer files at a time, use desktop Excel, or use the ita merge command"
  ),
  ResponsePayloadSizeLimitExceeded: msg(
    "ชีตใหญ่เกินกว่าที่ Excel บนเว็บส่งมาได้ในครั้งเดียว ลบแถวหรือคอลัมน์ที่ไม่ใช้ หรือใช้ Excel บนเดสก์ท็อป แล้วลองอีกครั้ง",
    "The sheet is larger than Excel on the web can send at once: delete unused rows or columns, or use desktop Excel, and try again"
  ),
  ApiNotFound: msg(
    "Excel เวอร์ชันนี้ไม่รองรับคำสั่งนี้ อัปเดต Office (ไฟล์ > บัญชี > ตัวเลือกการอัปเดต) หรือใช้ Excel บนเว็บ",
    "This version of Excel does not support this action: update Office (File > Account > Update Options) or use Excel on the web"
  ),
  ItemAlreadyExists: msg(
    "มีชีตชื่อนี้อยู่แล้ว เปลี่ยนชื่อหรือลบชีตเดิม แล้วลองอีกครั้ง",
    "A sheet with this name already exists: rename or delete it and try again"
  ),
  ItemNotFound: msg(
    "ไม่พบชีตหรือช่วงเซลล์ที่ต้องการ (อาจถูกลบหรือเปลี่ยนชื่อ) เลือกชีตแบบรายงานแล้วลองอีกครั้ง",
    "The sheet or range was not found (deleted or renamed?): select the report sheet and try again"
  ),
  InvalidArgument: msg(
    "Excel ไม่รับข้อมูลบางส่วน (เช่น ข้อความยาวเกิน 32,767 ตัวอักษรในเซลล์เดียว) ตรวจข้อมูลแล้วลองอีกครั้ง",
    "Excel refused part of the data (such as more than 32,767 characters in one cell): check the data and try again"
  ),
  InvalidOperation: msg(
    "Excel ไม่อนุญาตให้ทำคำสั่งนี้กับชีตในสภาพปัจจุบัน (เช่น ชีตถูกซ่อนหรือป้องกัน) ตรวจชีตแล้วลองอีกครั้ง",
    "Excel does not allow this on the sheet as it is now (hidden or protected, for example): check the sheet and try again"
  ),
  ActivityLimitReached: msg(
    "Excel ยังทำงานอยู่ รอสักครู่แล้วลองอีกครั้ง",
    "Excel is busy: wait a moment and try again"
  ),
  Conflict: msg(
    "มีผู้อื่นกำลังแก้ไขส่วนเดียวกันของสมุดงาน รอสักครู่แล้วลองอีกครั้ง",
    "Someone else is editing the same part of the workbook: wait a moment and try again"
  ),
  RequestAborted: msg(
    "Excel ยกเลิกคำสั่งระหว่างทำงาน ลองอีกครั้ง",
    "Excel stopped the request while it ran: try again"
  ),
  ServiceNotAvailable: msg(
    "บริการของ Excel ไม่พร้อมใช้งานชั่วคราว รอสักครู่แล้วลองอีกครั้ง",
    "Excel's service is not available right now: wait a moment and try again"
  ),
};

export function toActionError(e: unknown): ExcelActionError {
  if (e instanceof ExcelActionError) return e;
  if (e instanceof NotAFormError) return new ExcelActionError(e.reason, "NotAForm");
  if (e instanceof UnknownFormError) return new ExcelActionError(e.reason, "UnknownForm");
  const err = e as { code?: string; message?: string };
  const code = err?.code;
  if (code && ERROR_MESSAGES[code]) return new ExcelActionError(ERROR_MESSAGES[code], code);
  if (code === "InvalidOperation" && /protect/i.test(err.message ?? ""))
    return new ExcelActionError(ERROR_MESSAGES.AccessDenied, code);
  const detail = err?.message ?? String(e);
  return new ExcelActionError(
    msg(
      `Excel ทำคำสั่งไม่สำเร็จ: ${detail} ลองอีกครั้ง หากยังไม่ได้ ให้บันทึกงานแล้วเปิด Excel ใหม่`,
      `Excel could not complete the action: ${detail}. Try again; if it still fails, save your work and restart Excel`
    ),
    code
  );
}

/** Run an Excel batch and turn any Office.js failure into an ExcelActionError. */
export async function guarded<T>(f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (e) {
    throw toActionError(e);
  }
}

/** A step that failed without undoing the main work: what is missing and how to do it by hand. */
export function stepNote(missing: Msg, e: unknown): Msg {
  const code = (e as { code?: string })?.code ?? "Error";
  return msg(`${missing.th} (Excel: ${code})`, `${missing.en} (Excel: ${code})`);
}
