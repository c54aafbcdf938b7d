import { Msg, msg, NotAFormError, ReasonError } from "../domain";

/** An Office.js failure turned into a message for the user (Thai and English). */
export class ExcelActionError extends ReasonError {
  constructor(
    reason: Msg,
    readonly code?: string
  ) {
    super(reason);
  }
}

const KNOWN: Record<string, Msg> = {
  InvalidOperationInCellEditMode: msg(
    "Excel กำลังแก้ไขเซลล์อยู่ กด Enter หรือ Esc แล้วลองอีกครั้ง",
    "Excel is editing a cell: press Enter or Esc and try again"
  ),
  AccessDenied: msg(
    "ชีตหรือสมุดงานถูกป้องกันไว้ (อาจโดยผู้อื่น) กรุณายกเลิกการป้องกันแล้วลองอีกครั้ง",
    "The sheet or workbook is protected (perhaps by someone else): unprotect it and try again"
  ),
  ApiNotFound: msg(
    "Excel เวอร์ชันนี้ไม่รองรับคำสั่งนี้",
    "This version of Excel does not support this action"
  ),
  ItemAlreadyExists: msg("มีชีตชื่อนี้อยู่แล้ว", "A sheet with this name already exists"),
  RequestPayloadSizeLimitExceeded: msg(
    "ข้อมูลมากเกินกว่าที่ Excel รับได้ในครั้งเดียว",
    "The data is larger than Excel accepts in one request"
  ),
  ItemNotFound: msg(
    "ไม่พบชีตหรือช่วงเซลล์ที่ต้องการ (อาจถูกลบหรือเปลี่ยนชื่อ)",
    "The sheet or range was not found (deleted or renamed?)"
  ),
};

export function toActionError(e: unknown): ExcelActionError {
  if (e instanceof ExcelActionError) return e;
  if (e instanceof NotAFormError) return new ExcelActionError(e.reason, "NotAForm");
  const err = e as { code?: string; message?: string };
  const code = err?.code;
  if (code && KNOWN[code]) return new ExcelActionError(KNOWN[code], code);
  if (code === "InvalidOperation" && /protect/i.test(err.message ?? ""))
    return new ExcelActionError(KNOWN.AccessDenied, code);
  const detail = err?.message ?? String(e);
  return new ExcelActionError(
    msg(`Excel ทำคำสั่งไม่สำเร็จ: ${detail}`, `Excel could not complete the action: ${detail}`),
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
