import type { DocumentFiles } from "./gateway";

/**
 * The workbook as a file through Office's common API (`Office.context.document.getFileAsync`,
 * https://learn.microsoft.com/javascript/api/office/office.document#office-office-document-getfileasync-member(1)):
 * the file comes in slices read one after the other, and is closed after (Office keeps at most two
 * files open). Compressed (.xlsx) needs the requirement set CompressedFile, PDF the set PdfFile:
 * Excel on the web, on Windows and on Mac have both; Excel on iPad neither
 * (https://learn.microsoft.com/javascript/api/requirement-sets/common/office-add-in-requirement-sets).
 */

interface AsyncResult<T> {
  status: string;
  value: T;
  error?: { message?: string };
}

interface OfficeFile {
  size: number;
  sliceCount: number;
  getSliceAsync(index: number, cb: (r: AsyncResult<{ data: ArrayLike<number> }>) => void): void;
  closeAsync(cb?: (r: AsyncResult<void>) => void): void;
}

/** The parts of `Office` this module uses (a fake one in tests). */
export interface OfficeFilesLike {
  context: {
    requirements: { isSetSupported(name: string, minVersion?: string): boolean };
    document: {
      getFileAsync(
        type: string,
        options: { sliceSize: number },
        cb: (r: AsyncResult<OfficeFile>) => void
      ): void;
    };
  };
}

const SLICE = 4 * 1024 * 1024;

const failed = (r: { status: string; error?: { message?: string } }) =>
  r.status !== "succeeded" ? new Error(r.error?.message ?? "getFileAsync failed") : null;

/** The workbook as a file from Office, or null when this host cannot give one. */
export function documentFiles(office: OfficeFilesLike | undefined): DocumentFiles | null {
  const req = office?.context?.requirements;
  if (!office || !req?.isSetSupported("CompressedFile")) return null;
  return {
    pdf: req.isSetSupported("PdfFile"),
    file: (type) =>
      new Promise<Uint8Array>((resolve, reject) => {
        office.context.document.getFileAsync(
          type === "pdf" ? "pdf" : "compressed",
          { sliceSize: SLICE },
          (r) => {
            const err = failed(r);
            if (err) return reject(err);
            const file = r.value;
            const parts: Uint8Array[] = [];
            const next = (i: number) => {
              if (i >= file.sliceCount) {
                file.closeAsync();
                const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
                let at = 0;
                for (const p of parts) {
                  out.set(p, at);
                  at += p.length;
                }
                return resolve(out);
              }
              file.getSliceAsync(i, (s) => {
                const e = failed(s);
                if (e) {
                  file.closeAsync();
                  return reject(e);
                }
                parts.push(Uint8Array.from(s.value.data));
                next(i + 1);
              });
            };
            next(0);
          }
        );
      }),
  };
}
