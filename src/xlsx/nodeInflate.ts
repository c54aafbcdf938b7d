import zlib from "zlib";
import { Inflater } from "./read/zip";

/** The reader's inflater in Node: native zlib; `maxOutputLength` keeps the declared-size cap. */
export const nodeInflate: Inflater = (data, size) =>
  new Uint8Array(zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, size) }));
