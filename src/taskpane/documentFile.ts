/**
 * The open workbook as a file, through Office's common API (`Office.context.document.getFileAsync`,
 * https://learn.microsoft.com/javascript/api/office/office.document#office-office-document-getfileasync-member(1)):
 * the one place the pane reads it, for the copy a unit sends (xlsx or PDF) and for the upload to the
 * Microsoft 365 library.
 * - The file comes in slices of at most 4 MB, the default
 *   (https://learn.microsoft.com/javascript/api/office/office.getfileoptions); a compressed slice's
 *   data is a byte array (https://learn.microsoft.com/javascript/api/office/office.slice).
 * - It is closed after, failed or not: Office keeps no more than two files open for an add-in, and a
 *   file left open makes the next getFileAsync fail
 *   (https://learn.microsoft.com/javascript/api/office/office.file, closeAsync).
 * - Compressed (.xlsx) needs the requirement set CompressedFile, PDF the set PdfFile: Excel on the
 *   web, on Windows and on Mac have both; Excel on iPad neither
 *   (https://learn.microsoft.com/javascript/api/requirement-sets/common/office-add-in-requirement-sets).
 */
import { ReasonError } from "../domain/errors";
import { msg } from "../domain/text";
import type { DocumentFiles } from "./gateway";

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
    fileType: "compressed" | "pdf",
    options: { sliceSize: number },
    cb: (r: AsyncResultLike<FileLike>) => void
  ): void;
}

/** The parts of `Office` the copy to send uses (a fake one in tests). */
export interface OfficeFilesLike {
  context: {
    requirements: { isSetSupported(name: string, minVersion?: string): boolean };
    document: DocumentLike;
  };
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

/** The workbook as a file: its .xlsx package (Compressed) or the workbook printed (PDF). */
export function readDocumentFile(
  doc: DocumentLike,
  type: "compressed" | "pdf" = "compressed",
  sliceSize = SLICE_SIZE
): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    doc.getFileAsync(type, { sliceSize }, (r) => {
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

/** The workbook as a file from Office, or null when this host cannot give one. */
export function documentFiles(office: OfficeFilesLike | undefined): DocumentFiles | null {
  const req = office?.context?.requirements;
  if (!office || !req?.isSetSupported("CompressedFile")) return null;
  return {
    pdf: req.isSetSupported("PdfFile"),
    file: (type) =>
      readDocumentFile(office.context.document, type === "pdf" ? "pdf" : "compressed"),
  };
}
