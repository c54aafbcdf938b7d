/**
 * `--json` written in pieces: the same text as `JSON.stringify(value, null, 2)`, without ever holding
 * it whole. The merge's JSON of 5,000 units is 126 M characters (the report's trace of every unit):
 * as one string it took about 250 MB, and as many again when it was encoded for the output.
 */

/** Objects and arrays this deep are written member by member; deeper ones each in one piece. */
const OPEN_LEVELS = 4;

/** Pieces of about this many characters are handed to the output. */
const PIECE_CHARS = 1 << 20;

const isOpen = (v: unknown): v is object =>
  typeof v === "object" && v !== null && typeof (v as { toJSON?: unknown }).toJSON !== "function";

/** The text of `value` as `JSON.stringify(value, null, 2)` gives it, in pieces, in order. */
export function* jsonPieces(value: unknown, level = 0): Generator<string> {
  if (level >= OPEN_LEVELS || !isOpen(value)) {
    const s = JSON.stringify(value, null, 2);
    // Nested text is indented as deep as it stands (strings hold no raw line breaks).
    yield level ? s.replace(/\n/g, `\n${"  ".repeat(level)}`) : s;
    return;
  }
  const inner = "  ".repeat(level + 1);
  const close = "  ".repeat(level);
  if (Array.isArray(value)) {
    if (!value.length) return yield "[]";
    yield "[";
    for (const [i, v] of value.entries()) {
      yield `${i ? "," : ""}\n${inner}`;
      // As JSON.stringify writes them: what has no JSON (undefined, a function) is null in an array.
      if (v === undefined || typeof v === "function" || typeof v === "symbol") yield "null";
      else yield* jsonPieces(v, level + 1);
    }
    return yield `\n${close}]`;
  }
  let first = true;
  for (const [k, v] of Object.entries(value)) {
    // … and left out of an object.
    if (v === undefined || typeof v === "function" || typeof v === "symbol") continue;
    yield `${first ? "{" : ","}\n${inner}${JSON.stringify(k)}: `;
    first = false;
    yield* jsonPieces(v, level + 1);
  }
  yield first ? "{}" : `\n${close}}`;
}

/** Write `value` as `--json` does (two spaces, a line break after), in pieces of about 1 M characters. */
export function writeJson(value: unknown, out: (s: string) => void): void {
  let piece = "";
  for (const s of jsonPieces(value)) {
    piece += s;
    if (piece.length >= PIECE_CHARS) {
      out(piece);
      piece = "";
    }
  }
  out(`${piece}\n`);
}
