/**
 * What the pane's Microsoft 365 parts (the submit control, the merge view's library) are given: the
 * configuration, whether the host brokers sign-in (NAA), a token source, `fetch`, the workbook's
 * bytes and a cache of the library's files for as long as the pane is open. Provided by
 * `index.tsx` in a build configured for Microsoft 365 (and by the e2e host page over the Graph
 * stand-in); absent otherwise, and then those parts show nothing.
 */
import { createContext, useContext } from "react";
import type { ByteCache } from "../../app/byteCache";
import type { FetchLike } from "../../graph";
import type { M365Config } from "./config";
import type { ScopedToken } from "./naa";

export interface M365 {
  config: M365Config;
  /** The host brokers the sign-in (NestedAppAuth 1.1); without it the pane says so and does not try. */
  naa: boolean;
  token: ScopedToken;
  fetch: FetchLike;
  /** The open workbook's file (getFileAsync, Compressed). */
  workbookBytes(): Promise<Uint8Array>;
  workbookName(): string;
  /** Copies of the library's files by eTag, while the pane is open. */
  cache: ByteCache;
}

export const M365Context = createContext<M365 | null>(null);

export const useM365 = () => useContext(M365Context);
