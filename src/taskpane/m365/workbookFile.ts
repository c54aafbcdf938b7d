/**
 * The open workbook's bytes, as Office gives them to an add-in: `Document.getFileAsync` with
 * `Office.FileType.Compressed` (the .xlsx package), read slice by slice (at most 4 MB a slice, the
 * default: https://learn.microsoft.com/javascript/api/office/office.getfileoptions) and then closed —
 * Office keeps no more than two files open for an add-in, and a file left open makes the next
 * getFileAsync fail (https://learn.microsoft.com/javascript/api/office/office.file, closeAsync).
 * A compressed slice's data is a byte array (https://learn.microsoft.com/javascript/api/office/office.slice).
 */
import { ReasonError } from "../../domain/errors";
import { msg } from "../../domain/text";

interface AsyncResultLike<T> {
  status: "succeeded" | "failed" | string;
  value: T;
  error?: { code?: number; message?: string };
}

export interface FileLike {
  size: number;
  sliceCount: number;
  getSliceAsync(index: number, cb: (r: AsyncResultLike<{ data: ArrayLike<number> }>) => void): void;
  closeAsync(cb?: (r: AsyncResultLike<void>) => void): void;
}

/** `Office.context.document`'s part we use (a test's fake, or the e2e host's over its workbook). */
export interface DocumentLike {
  url?: string | null;
  getFileAsync(
    fileType: "compressed",
    options: { sliceSize: number },
    cb: (r: AsyncResultLike<FileLike>) => void
  ): void;
}

export const SLICE_SIZE = 4 * 1024 * 1024;

function failed(e: AsyncResultLike<unknown>["error"]): ReasonError {
  const code = e?.code !== undefined ? ` (${e.code})` : "";
  return new ReasonError(
    msg(
      `Excel ไม่ให้ไฟล์ของสมุดงานนี้${code}: บันทึกสมุดงานแล้วลองอีกครั้ง`,
      `Excel did not give this workbook's file${code}: save the workbook and try again`
    )
  );
}

/** The workbook's bytes (the file as Excel gives it: getFileAsync(Compressed)). */
export function workbookBytes(doc: DocumentLike, sliceSize = SLICE_SIZE): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    doc.getFileAsync("compressed", { sliceSize }, (r) => {
      if (r.status !== "succeeded") return reject(failed(r.error));
      const file = r.value;
      const out = new Uint8Array(file.size);
      let at = 0;
      const close = (then: () => void) => file.closeAsync(() => then());
      const next = (i: number) => {
        if (i >= file.sliceCount) {
          if (at !== file.size) return close(() => reject(failed({ message: "size" })));
          return close(() => resolve(out));
        }
        file.getSliceAsync(i, (s) => {
          if (s.status !== "succeeded") return close(() => reject(failed(s.error)));
          const data = s.value.data;
          if (at + data.length > out.length)
            return close(() => reject(failed({ message: "size" })));
          out.set(data, at);
          at += data.length;
          next(i + 1);
        });
      };
      next(0);
    });
  });
}

/** The workbook's name for messages: the last part of its URL or path (`Book1.xlsx` when none). */
export function workbookName(doc: DocumentLike): string {
  const last = (doc.url ?? "").split("?")[0].split(/[\\/]/).pop() ?? "";
  try {
    return decodeURIComponent(last) || "Book1.xlsx";
  } catch {
    return last || "Book1.xlsx";
  }
}
