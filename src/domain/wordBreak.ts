/**
 * Thai word breaking, done once per piece of text: the words of a text as `Intl.Segmenter("th",
 * { granularity: "word" })` finds them (ICU's dictionary breaking, as Excel and LibreOffice break
 * lines), found per run — the text between two spaces, and each run of spaces — and kept per run.
 *
 * Why per run: ICU breaks Thai by dictionary within a run of Thai letters only, so a space always
 * ends a word and the words of a text are the words of its runs, in order (checked against the whole
 * text's segmentation on the real district and central reports: test/domain/wordBreak.test.ts). Runs
 * repeat across a merge — "ดำเนินการแล้ว", a district's name, the standard measures' phrases — so
 * each is segmented once, where the whole texts (each with its own unit's name) almost never repeat;
 * and ICU's time grows faster than a run's length, so short runs are cheaper even the first time.
 */
import { TextCache } from "./textCache";

/** The words of one run: where each ends (offsets into the run) and whether it is word-like. */
interface RunWords {
  ends: Uint32Array;
  /** 1 where `Intl.Segmenter` says the segment is word-like (letters or digits, not spaces or signs). */
  wordLike: Uint8Array;
}

let segmenter: Intl.Segmenter | null = null;

/** Whether a UTF-16 code unit is whitespace, as `\s` in a regular expression (and `trim()`) has it. */
export function isWhiteSpace(c: number): boolean {
  return c <= 0x20
    ? c === 0x20 || (c >= 0x09 && c <= 0x0d)
    : c === 0xa0 ||
        c === 0x1680 ||
        (c >= 0x2000 && c <= 0x200a) ||
        c === 0x2028 ||
        c === 0x2029 ||
        c === 0x202f ||
        c === 0x205f ||
        c === 0x3000 ||
        c === 0xfeff;
}

/**
 * A mark or a joiner after spaces belongs to the spaces' segment (Unicode word-break rule WB4), so
 * the run of spaces does not end before one.
 */
const JOINS_BEFORE = /^[\p{M}\u200b-\u200d\u2060]/u;

/** Characters segmented at a time in a run without spaces: ICU's time grows faster than the length. */
const LONG_RUN = 512;
/** Characters at the end of such a chunk whose words are found again with the next chunk. */
const TAIL_CHARS = 48;

/** Runs already segmented: emptied when they hold 2 M characters or 100,000 runs. */
const cache = new TextCache<RunWords>(2_000_000, 100_000);

const segmentRun = (run: string): RunWords => cache.of(run, segment);

function segment(run: string): RunWords {
  segmenter ??= new Intl.Segmenter("th", { granularity: "word" });
  const ends: number[] = [];
  const like: number[] = [];
  for (const s of segmenter.segment(run)) {
    ends.push(s.index + s.segment.length);
    like.push(s.isWordLike ? 1 : 0);
  }
  return { ends: Uint32Array.from(ends), wordLike: Uint8Array.from(like) };
}

/**
 * The words of text[start, end), a run without spaces longer than `LONG_RUN`, a chunk at a time and
 * only as far as `visit` asks (a 32,767-character cell laid out for its first lines pays for those):
 * the words near a chunk's end are found again with the next chunk, since Thai dictionary breaking
 * depends on what follows a word. Chunks are kept like runs (a cell of one letter repeated is one).
 */
function eachWordOfLongRun(
  text: string,
  start: number,
  end: number,
  visit: (start: number, end: number, wordLike: boolean) => boolean | void
): boolean {
  let at = start;
  while (at < end) {
    const stop = Math.min(end, at + LONG_RUN);
    const last = stop === end;
    const { ends, wordLike } = segmentRun(text.slice(at, stop));
    let kept = at;
    for (let k = 0; k < ends.length; k++) {
      const to = at + ends[k];
      if (!last && to > stop - TAIL_CHARS && kept > at) break;
      if (visit(kept, to, wordLike[k] === 1) === false) return false;
      kept = to;
    }
    at = kept;
  }
  return true;
}

/**
 * Calls `visit(start, end, wordLike)` for each word of `text[from, to)` in order (offsets into
 * `text`), until it returns false: a caller that needs a text's first words pays for those only.
 */
export function eachWord(
  text: string,
  visit: (start: number, end: number, wordLike: boolean) => boolean | void,
  from = 0,
  to = text.length
): void {
  let start = from;
  while (start < to) {
    // A run: letters and signs up to a space, or spaces up to the next letter that is not a mark.
    const spaces = isWhiteSpace(text.charCodeAt(start));
    let end = start + 1;
    while (
      end < to &&
      (spaces
        ? isWhiteSpace(text.charCodeAt(end)) || JOINS_BEFORE.test(text[end])
        : !isWhiteSpace(text.charCodeAt(end)))
    )
      end++;
    if (end - start > LONG_RUN) {
      if (!eachWordOfLongRun(text, start, end, visit)) return;
      start = end;
      continue;
    }
    const run = start === 0 && end === text.length ? text : text.slice(start, end);
    const { ends, wordLike } = segmentRun(run);
    for (let k = 0, s = 0; k < ends.length; s = ends[k++])
      if (visit(start + s, start + ends[k], wordLike[k] === 1) === false) return;
    start = end;
  }
}

/** The words of a text as strings, in order (spaces and signs included: they join back to the text). */
export function wordsOf(text: string, from = 0, to = text.length): string[] {
  const out: string[] = [];
  eachWord(text, (s, e) => void out.push(text.slice(s, e)), from, to);
  return out;
}
