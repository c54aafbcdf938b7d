/** The pane's Microsoft 365 parts over the real Office host (index.tsx), in a build configured for it. */
import { memoryCache } from "../../app/byteCache";
import type { OfficeLike } from "../office";
import type { M365Config } from "./config";
import type { M365 } from "./context";
import { naaSupported, naaToken } from "./naa";
import { DocumentLike, readDocumentFile, workbookName } from "../documentFile";

export function officeM365(
  config: M365Config,
  office: OfficeLike & { context: { document: unknown } }
): M365 {
  const doc = office.context.document as DocumentLike;
  return {
    config,
    naa: naaSupported(office),
    token: naaToken(config),
    fetch: (url, init) => fetch(url, init),
    workbookBytes: () => readDocumentFile(doc),
    workbookName: () => workbookName(doc),
    cache: memoryCache(),
  };
}
