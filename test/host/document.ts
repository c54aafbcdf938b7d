/**
 * `Office.context.document`'s file API over bytes the test gives (the in-memory workbook's, in the e2e
 * host), as Microsoft documents it:
 * - `getFileAsync(Office.FileType.Compressed, { sliceSize })` gives a File of `size` bytes in
 *   `sliceCount` slices; `sliceSize` is at most 4194304 (4 MB) and defaults to it
 *   (https://learn.microsoft.com/javascript/api/office/office.getfileoptions);
 * - `File.getSliceAsync(i)` gives a Slice whose `data` is a byte array for the compressed type
 *   (https://learn.microsoft.com/javascript/api/office/office.slice);
 * - "No more than two documents are allowed to be in memory; otherwise the Document.getFileAsync
 *   operation will fail. Use the File.closeAsync method to close the file when you are finished
 *   working with it." (https://learn.microsoft.com/javascript/api/office/office.file, closeAsync).
 * The callbacks run after the call returns, as Office's do.
 */
import type { DocumentLike, FileLike } from "../../src/taskpane/m365/workbookFile";

const later = (f: () => void) => setTimeout(f, 0);

export interface FakeDocument extends DocumentLike {
  /** Files got and not yet closed. */
  open(): number;
  /** getFileAsync calls made. */
  calls(): number;
}

export function fakeDocument(
  bytes: () => Promise<Uint8Array>,
  url: string | null = null
): FakeDocument {
  let open = 0;
  let calls = 0;
  return {
    url,
    open: () => open,
    calls: () => calls,
    getFileAsync(fileType, options, cb) {
      calls++;
      const sliceSize = options?.sliceSize ?? 4194304;
      if (fileType !== "compressed" || sliceSize > 4194304 || sliceSize <= 0) {
        later(() =>
          cb({
            status: "failed",
            value: null as never,
            error: { code: 5001, message: "Invalid parameter" },
          })
        );
        return;
      }
      if (open >= 2) {
        later(() =>
          cb({
            status: "failed",
            value: null as never,
            error: { code: 6002, message: "Too many files are open" },
          })
        );
        return;
      }
      void bytes().then((all) => {
        open++;
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
