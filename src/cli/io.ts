/** Where a command writes: standard output and error (a test captures them), and its clock. */
export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  /** The date defaults follow (the report due); tests give one. */
  now?: () => Date;
  /** The environment the command reads (ITA_GRAPH_…); a test gives its own, else the process's. */
  env?: Record<string, string | undefined>;
}
