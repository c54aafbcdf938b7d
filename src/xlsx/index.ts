/** Files: the browser-safe read side (`read/`), the Node write side (`write/`) and disk access (`files.ts`). */
export * from "./files";
export * from "./nodeInflate";
export * from "./read";
export * from "./write";
