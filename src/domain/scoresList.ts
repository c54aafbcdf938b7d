import { FormDef } from "./catalog";
import { leadingCode } from "./codes";
import { parseScore } from "./score";
import { Msg, msg } from "./text";

export interface ScoreLine {
  line: number;
  code: string;
  score: number;
}

export interface UnmatchedLine {
  line: number;
  text: string;
  reason: Msg;
}

/**
 * Parse a list of scores as units receive them: `I22,82.01`, `I22 82.01`, `I22<TAB>๘๒.๐๑`,
 * `O1–O22 100`, the form's own `I22 ผู้บังคับบัญชา… (82.01 คะแนน)`, a row copied from a results table
 * (`code | question | score`, by tabs or bars), `96.31%` and `E1 คะแนน 88.40`. A header line and blank lines
 * are skipped; every other line that yields no known code and score is reported.
 */
export function parseScoresList(
  text: string,
  formDef: FormDef
): { scores: ScoreLine[]; unmatched: UnmatchedLine[] } {
  const scores: ScoreLine[] = [];
  const unmatched: UnmatchedLine[] = [];
  text.split(/\r\n?|\n/).forEach((rawLine, i) => {
    const line = i + 1;
    const s = rawLine.replace(/^\ufeff/, "").trim();
    if (!s) return;
    const lead = leadingCode(s.replace(/^["'|\s]+/, ""));
    if (!lead) {
      if (i === 0 && /code|รหัส|ข้อ/i.test(s)) return; // header line
      unmatched.push({
        line,
        text: s,
        reason: msg("ไม่พบรหัสข้อ (เช่น I22)", "No item code (such as I22) found"),
      });
      return;
    }
    if (!formDef.byCode.has(lead.code)) {
      unmatched.push({
        line,
        text: s,
        reason: msg(`รหัส ${lead.code} ไม่มีในแบบฟอร์ม`, `Code ${lead.code} is not in the form`),
      });
      return;
    }
    const candidate = scoreText(lead.rest);
    const p = candidate === null ? null : parseScore(candidate);
    if (!p || p.kind !== "ok") {
      unmatched.push({
        line,
        text: s,
        reason:
          p?.kind === "error"
            ? p.message
            : msg(`ไม่พบคะแนนของข้อ ${lead.code}`, `No score found for ${lead.code}`),
      });
      return;
    }
    scores.push({ line, code: lead.code, score: p.value });
  });
  return { scores, unmatched };
}

/** A score label before the number (`คะแนน 88.40`, `score: 88.4`) and a percent sign after it. */
function cleanScoreCell(cell: string): string {
  return cell
    .trim()
    .replace(/^(คะแนน(ที่ได้)?|score|points?)\s*[:=]?\s*/i, "")
    .replace(/\s*%$/, "")
    .trim();
}

/** A number at the end of the text, after a space or separator (`… 82.01`, `…,82.01`). */
const TRAILING_NUMBER = /(?:^|[\s,;:=])([+-]?\d+(?:[.,]\d+)?)\s*(%|คะแนน|points?)?$/i;

/**
 * The score part of the rest of a line: the `(… คะแนน)` at the end; the last cell of a row copied from a
 * table; the text after a separator; or a number ending text that holds no other number.
 */
function scoreText(rest: string): string | null {
  const inForm = /\(([^()]*คะแนน[^()]*)\)\s*$/.exec(rest);
  if (inForm) return inForm[1];
  if (/[\t|]/.test(rest)) {
    const cells = rest
      .split(/[\t|]/)
      .map((c) => c.trim())
      .filter(Boolean);
    return cells.length ? cleanScoreCell(cells[cells.length - 1]) : null;
  }
  const r = cleanScoreCell(
    rest
      .replace(/^[\s,;:=\t"']+/, "")
      .replace(/["']$/, "")
      .trim()
  );
  if (r === "") return null;
  if (parseScore(r).kind === "ok") return r;
  const trailing = TRAILING_NUMBER.exec(r);
  if (trailing && !/\d/.test(r.slice(0, trailing.index))) return trailing[1];
  return r;
}
