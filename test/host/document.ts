/**
 * `Office.context.document`'s file API over bytes the test gives (the in-memory workbook's), as
 * Microsoft documents it — the one model of it, for the copy to send and the upload alike:
 * - `getFileAsync(Office.FileType.Compressed | Pdf, { sliceSize })` gives a File of `size` bytes in
 *   `sliceCount` slices; `sliceSize` is at most 4194304 (4 MB) and defaults to it
 *   (https://learn.microsoft.com/javascript/api/office/office.getfileoptions); a type whose
 *   requirement set (CompressedFile, PdfFile) the host lacks fails
 *   (https://learn.microsoft.com/javascript/api/requirement-sets/common/office-add-in-requirement-sets);
 * - `File.getSliceAsync(i)` gives a Slice whose `data` is a byte array for the compressed type
 *   (https://learn.microsoft.com/javascript/api/office/office.slice);
 * - "No more than two documents are allowed to be in memory; otherwise the Document.getFileAsync
 *   operation will fail. Use the File.closeAsync method to close the file when you are finished
 *   working with it." (https://learn.microsoft.com/javascript/api/office/office.file, closeAsync).
 * The callbacks run after the call returns, as Office's do.
 */
import type { DocumentLike, FileLike } from "../../src/taskpane/documentFile";

const later = (f: () => void) => setTimeout(f, 0);

export interface FakeDocument extends DocumentLike {
  /** Files got and not yet closed. */
  open(): number;
  /** getFileAsync calls made. */
  calls(): number;
}

type FileType = "compressed" | "pdf";

/**
 * A document's getFileAsync over `bytes(type)`; `supported(type)` says whether the host has the
 * type's requirement set (Compressed only, unless told).
 */
export function fakeDocument(
  bytes: (type: FileType) => Promise<Uint8Array>,
  url: string | null = null,
  supported: (type: FileType) => boolean = (type) => type === "compressed"
): FakeDocument {
  let open = 0;
  let calls = 0;
  return {
    url,
    open: () => open,
    calls: () => calls,
    getFileAsync(fileType, options, cb): void {
      calls++;
      const sliceSize = options?.sliceSize ?? 4194304;
      const refused = (code: number, message: string) => {
        later(() => cb({ status: "failed", value: null as never, error: { code, message } }));
        return true;
      };
      if (!supported(fileType) && refused(5001, `${fileType} is not supported by this host`))
        return;
      if ((sliceSize > 4194304 || sliceSize <= 0) && refused(5001, "Invalid parameter")) return;
      if (open >= 2 && refused(6002, "Too many files are open")) return;
      open++;
      void bytes(fileType).then((all) => {
        let closed = false;
        const file: FileLike = {
          size: all.length,
          sliceCount: Math.max(1, Math.ceil(all.length / sliceSize)),
          getSliceAsync(i, scb) {
            later(() =>
              closed || i < 0 || i >= file.sliceCount
                ? scb({
                    status: "failed",
                    value: null as never,
                    error: { code: 5001, message: "Invalid slice" },
                  })
                : scb({
                    status: "succeeded",
                    value: { data: Array.from(all.subarray(i * sliceSize, (i + 1) * sliceSize)) },
                  })
            );
          },
          closeAsync(ccb) {
            if (!closed) {
              closed = true;
              open--;
            }
            later(() => ccb?.({ status: "succeeded", value: undefined }));
          },
        };
        later(() => cb({ status: "succeeded", value: file }));
      });
    },
  };
}
