/**
 * `--json` written in pieces: the same text as `JSON.stringify(value, null, 2)`, without ever holding
 * it whole. The merge's JSON of 5,000 units is 126 M characters (the report's trace of every unit):
 * as one string it took about 250 MB, and as many again when it was encoded for the output.
 */

import { LazyList } from "../domain/lazyList";

/** Objects and arrays this deep are written member by member; deeper ones each in one piece. */
const OPEN_LEVELS = 4;

/** Pieces of about this many characters are handed to the output. */
const PIECE_CHARS = 1 << 20;

const isOpen = (v: unknown): v is object =>
  typeof v === "object" && v !== null && typeof (v as { toJSON?: unknown }).toJSON !== "function";

/**
 * The text of `value` as `JSON.stringify(value, null, 2)` gives it, in pieces, in order; a
 * `LazyList` at any depth is written item by item, never made whole.
 */
export function* jsonPieces(value: unknown, level = 0): Generator<string> {
  if (value instanceof LazyList) return yield* listPieces(value, level);
  if (level >= OPEN_LEVELS || !isOpen(value)) {
    const s = JSON.stringify(value, null, 2);
    // Nested text is indented as deep as it stands (strings hold no raw line breaks).
    yield level ? s.replace(/\n/g, `\n${"  ".repeat(level)}`) : s;
    return;
  }
  if (Array.isArray(value)) return yield* listPieces(value, level);
  const inner = "  ".repeat(level + 1);
  const close = "  ".repeat(level);
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

/** An array's text, item by item: items deeper than `OPEN_LEVELS` each in one piece. */
function* listPieces(list: Iterable<unknown>, level: number): Generator<string> {
  const inner = "  ".repeat(level + 1);
  let i = 0;
  for (const v of list) {
    yield `${i++ ? "," : "["}\n${inner}`;
    // As JSON.stringify writes them: what has no JSON (undefined, a function) is null in an array.
    if (v === undefined || typeof v === "function" || typeof v === "symbol") yield "null";
    else yield* jsonPieces(v, level + 1);
  }
  yield i ? `\n${"  ".repeat(level)}]` : "[]";
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
