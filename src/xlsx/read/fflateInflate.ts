import { inflateSync } from "fflate";
import { Inflater } from "./zip";

/** The reader's inflater in the browser (the task pane): fflate, into a buffer of the declared size. */
export const fflateInflate: Inflater = (data, size) =>
  inflateSync(data, { out: new Uint8Array(size) });
