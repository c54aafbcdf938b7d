import { FormDef } from "../catalog";
import { thaiDigitsToAscii } from "../text";
import { TextCache } from "../textCache";
import { eachWord } from "../wordBreak";

/**
 * Matching what units wrote to the form's standard measures. Pure: text in, matches out.
 * A unit's measures cell is split into entries (one per line or per number), each entry is
 * normalised (bullets, numbering, Thai digits, "ดำเนินการ…" prefixes) and compared with the standard
 * measures by word overlap after Thai word segmentation.
 */

/** Leading bullets and numbering: "- ", "• ", "1.", "1)", "(1)", "๑.", "ข้อ 1". */
const LEAD =
  /^\s*(?:[-–—•●▪◦*·]+\s*|\(\s*\d{1,3}\s*\)\s*|\d{1,3}(?:\.\d{1,3})+\s+|\d{1,3}(?:\.\d{1,3})*\s*[.)]\s*|ข้อ\s*\d{1,3}\s*[.:)]?\s*)+/u;
/** Report-style prefixes that say the measure was carried out, not what it was. */
const DONE =
  /^(?:ได้)?ดำเนินการ(?:แล้ว|เรียบร้อย(?:แล้ว)?)?\s*[:：]\s*|^(?:ได้)?ดำเนินการแล้ว\s*|^(?:ได้)?ดำเนินการ(?=\S)/u;

/** Begins by saying it was done ("ดำเนินการแล้ว …", "ได้ดำเนินการเรียบร้อยแล้ว: …"), bullet or number aside. */
export function saysDoneFirst(raw: string): boolean {
  const s = thaiDigitsToAscii(raw.normalize("NFC")).replace(LEAD, "");
  return /^(?:ได้)?ดำเนินการ(?:แล้ว|เรียบร้อย)/u.test(s);
}

/** White space other than a lone space, or two together: what `foldSpaces` changes. */
const FOLDABLE = /\s\s|[^\S ]/;

/**
 * Each run of white space as one space; the text itself when there is none to fold. An entry is kept
 * as a slice of its cell, not a copy (the credits of 5,000 units hold their entries' texts).
 */
const foldSpaces = (s: string) => (FOLDABLE.test(s) ? s.replace(/\s+/g, " ") : s);

/** The text after what `start` (anchored at the start) matches there: a slice, not a copy. */
function dropStart(s: string, start: RegExp): string {
  const m = start.exec(s);
  return m && m[0].length ? s.slice(m[0].length) : s;
}

/** An entry's text without bullet, numbering or "ดำเนินการ…" prefix, on ASCII digits and NFC. */
export function normaliseMeasure(line: string): string {
  let s = foldSpaces(thaiDigitsToAscii(line.normalize("NFC"))).trim();
  for (let i = 0; i < 3; i++) {
    const before = s;
    s = dropStart(dropStart(s, LEAD), DONE).trim();
    if (s === before) break;
  }
  return s;
}

/** An entry of a measures or results cell: as written (without its bullet or number), and normalised. */
export interface CellEntry {
  /** The entry as the unit wrote it, its bullet or numbering removed ("ดำเนินการแล้ว" kept). */
  raw: string;
  /** `normaliseMeasure` of it: what is compared with the measures ("" when it only says it was done). */
  text: string;
  /** Its number as the unit wrote it ("3." "3)" "(3)" "ข้อ 3"), when it has one. */
  num?: number;
}

/** The number an entry begins with ("3. …", "3) …", "(3) …", "ข้อ 3 …"), else undefined; not "1.1". */
function leadNumber(part: string): number | undefined {
  const m = /^\s*(?:\(\s*(\d{1,3})\s*\)|(\d{1,3})\s*[.)](?!\d)|ข้อ\s*(\d{1,3})(?!\d))/u.exec(part);
  return m ? Number(m[1] ?? m[2] ?? m[3]) : undefined;
}

/** The bullet or numbering of an entry removed, nothing else. */
const withoutLead = (s: string) => {
  let out = foldSpaces(s).trim();
  for (let i = 0; i < 3; i++) {
    const before = out;
    out = dropStart(out, LEAD).trim();
    if (out === before) break;
  }
  return out;
};

/**
 * What a unit writes to fill a cell without saying anything ("N/A", "N.A.", "ไม่มี", "(ไม่มี)",
 * "- ไม่ระบุ -"): not an entry.
 * Taken for one, it was printed as the unit's own work ("สำนักงานเขต… N/A").
 */
const PLACEHOLDER =
  /^[\s([{"'“‘-]*(?:n\s*[/.]?\s*a|none|nil|null|x|ไม่มี|ไม่มีข้อมูล|ไม่ระบุ|ไม่มีผล(?:การดำเนินการ)?|ยังไม่มีข้อมูล|ไม่มีรายละเอียด)[\s.)\]}"'”’-]*$/iu;

/**
 * Split a measures or results cell into entries: one per line; a line holding several numbered
 * entries ("1. … 2. …") is split at each number that follows a space. Entries without a letter or
 * digit (a lone bullet) are left out.
 */
export const splitCell = (text: string): readonly CellEntry[] => ENTRIES.of(text, entriesOf);

/** Cells already split: a unit's cell is read for its group, its report and its summary rows. */
const ENTRIES = new TextCache<readonly CellEntry[]>(2_000_000, 50_000);

/**
 * Where a line of a cell holds another entry: "2." begins one, "92.5" (a decimal) does not; so does
 * "ข้อ 2" before what it says ("ข้อ 1 ดำเนินการแล้ว ข้อ 2 อยู่ระหว่างดำเนินการ").
 */
const NEXT_ENTRY =
  /\s+(?=(?:\(\d{1,3}\)|\d{1,3}[.)](?!\d))\s*\S|ข้อ\s*\d{1,2}\s+(?:ดำเนินการ|ได้|ยัง|อยู่|จะ|ไม่|มิ|กำลัง))/u;

/** The lines of a cell as entries are read from them. */
const linesOf = (text: string) => thaiDigitsToAscii(text.normalize("NFC")).split(/\r?\n|\r/);

/** The words of an entry after its number or bullet, when they say something (not "-", "ไม่มี"). */
function said(part: string): string | null {
  const raw = withoutLead(part);
  return raw && /[\p{L}\p{N}]/u.test(raw) && !PLACEHOLDER.test(raw) ? raw : null;
}

function entriesOf(text: string): readonly CellEntry[] {
  const out: CellEntry[] = [];
  for (const line of linesOf(text)) {
    for (const p of line.split(NEXT_ENTRY)) {
      const raw = said(p);
      if (raw === null) continue;
      const num = leadNumber(p);
      out.push(
        num === undefined
          ? { raw, text: normaliseMeasure(p) }
          : { raw, text: normaliseMeasure(p), num }
      );
    }
  }
  return out;
}

/**
 * A measures, results or evidence cell that says something: an entry the merge reads from it. "-",
 * ".", "ไม่มี", "N/A" typed to fill the cell say nothing — validation and the merge agree on it.
 */
export function saysSomething(text: string): boolean {
  if (!/[\p{L}\p{N}]/u.test(text)) return false;
  const known = ENTRIES.get(text);
  if (known) return known.length > 0;
  // The first entry that says something answers (validation asks of every unit's every item; the
  // entries themselves are worked out when the merge credits them).
  for (const line of linesOf(text))
    for (const p of line.split(NEXT_ENTRY)) if (said(p)) return true;
  return false;
}

/** The normalised entries of a cell that say what was done (see `splitCell`). */
export function splitEntries(text: string): string[] {
  return splitCell(text)
    .map((e) => e.text)
    .filter((t) => t && /[\p{L}\p{N}]/u.test(t));
}

/** Words that say nothing about which measure is meant. */
const STOP = new Set([
  "และ",
  "หรือ",
  "ให้",
  "การ",
  "ความ",
  "ที่",
  "ของ",
  "ใน",
  "เป็น",
  "ได้",
  "ต่าง",
  "ๆ",
  "โดย",
  "เพื่อ",
  "มี",
  "แก่",
  "กับ",
  "ตาม",
  "จาก",
  "ไป",
  "มา",
  "อย่าง",
  "ทุก",
  "แล้ว",
  "ดำเนิน",
  "เช่น",
  "นั้น",
  "นี้",
  "ซึ่ง",
  "อาจ",
  "จะ",
  "ถึง",
  "ต่อ",
  "ด้วย",
  "ไว้",
  "ผ่าน",
  "เป็นต้น",
  "ต้น",
  "the",
  "and",
  "of",
]);

/** Word sets already made: the same standard measures and entries are compared many times. */
const WORDS = new TextCache<ReadonlySet<string>>(2_000_000, 50_000);

/** The set of meaningful words of a text (Thai word segmentation, NFC, lower case). */
export const words = (text: string): ReadonlySet<string> => WORDS.of(text, wordSet);

/**
 * One spelling for words offices spell several ways ("อินโฟกราฟิก", the form's "อินโฟกราฟฟิก",
 * "อินโฟกราฟิค"), and "ฯ" (an abbreviation mark: "แบบประเมินฯ") as a space.
 */
const spelled = (t: string) =>
  t
    .replace(/กราฟฟิ[กค]|กราฟิค/gu, "กราฟิก")
    // A word the segmenter does not know, cut apart the same way wherever it stands
    // ("เผยแพร่อินโฟกราฟิก" was "เผย|แพ|ร่อิ|นโฟ|กราฟิก").
    .replace(/อินโฟกราฟิก/gu, " อินโฟกราฟิก ")
    .replace(/ฯลฯ|ฯ/gu, " ");

function wordSet(text: string): ReadonlySet<string> {
  const out = new Set<string>();
  const t = spelled(text.normalize("NFC").toLowerCase());
  eachWord(t, (from, to, wordLike) => {
    if (!wordLike) return;
    const w = t.slice(from, to).trim();
    if (w && !STOP.has(w) && !/^\d+$/.test(w)) out.add(w);
  });
  return out;
}

/**
 * What a result (or a clause of one) says: something done ("done"), only that the planned measures
 * were carried out ("as-planned": "ดำเนินการแล้ว", "ดำเนินการตามมาตรการที่กำหนดครบถ้วน"), that it was
 * not done ("ยังไม่ได้ดำเนินการ", "ไม่ได้จัด…") or that it is under way or to come ("อยู่ระหว่าง…",
 * "จะดำเนินการ…", "รออนุมัติ"), or none of these: a fact ("ไม่มีเรื่องร้องเรียน", "ไม่พบการทุจริต") or only
 * a reason ("เนื่องจากติดภารกิจ…"). Only "done" and "as-planned" credit a unit with a measure.
 */
export type Statement = "done" | "as-planned" | "not-done" | "in-progress" | "fact";

/**
 * "จัด" and "ทำ" of an office's own activity: not "จัดซื้อ/จัดจ้าง/จัดหา/จัดเลี้ยง" (what it buys or
 * the parties it gave up: "ไม่ได้จัดซื้อจัดจ้างกับ…" is good conduct) nor "ทำให้/ทำผิด/ทำตาม".
 */
const JAT = "จัด(?!ซื้อ|จ้าง|เลี้ยง|หา|สรร)";
const TAM = "ทำ(?!ให้|ผิด|ตาม)";
/** What is still to be done, after "จะ", "มีแผนจะ". */
const TO_DO = `(?:ดำเนินการ|${JAT}|${TAM}|เผยแพร่|ประชุม)`;

/**
 * An activity an office holds or runs, after a word that calls it off, puts it off or says it could
 * not be held ("ยกเลิกโครงการ…", "งดจัดกิจกรรม", "เลื่อนการประชุม", "ไม่สามารถจัดอบรมได้"): not a
 * practice it gave up, which is work done ("ยกเลิกการใช้แบบฟอร์มกระดาษ", "งดรับของขวัญ").
 */
const ACTIVITY = `(?:การ)?\\s*(?:${JAT}|ดำเนินการ|ดำเนินโครงการ|ดำเนินกิจกรรม|โครงการ|กิจกรรม|ประชุม|อบรม|ฝึกอบรม|สัมมนา|ศึกษาดูงาน)`;

const IN_PROGRESS = new RegExp(
  [
    "อยู่ระหว่าง|อยู่ใน(?:ระหว่าง|ขั้นตอน)|กำลัง(?:ดำเนินการ|จัด|ทำ)|ยังไม่แล้วเสร็จ|ยังไม่เสร็จ|ยังไม่ครบ",
    // Not finished, however it is put ("ยังดำเนินการไม่แล้วเสร็จ", "ยังทำไม่เสร็จ"), or in part.
    // Not "จัดประชุมแล้ว แม้เจ้าหน้าที่ยังเข้าร่วมไม่ครบ" (who came), nor "…แล้ว คาดว่าจะช่วยให้…".
    `ยัง\\s*(?:ดำเนินการ|${JAT}|${TAM}|เปิดเผย|เผยแพร่)\\S{0,12}ไม่(?:แล้ว)?(?:เสร็จ|ครบ)|(?:ได้|แล้ว)\\s*บางส่วน`,
    // In part, however it is put: "ดำเนินการบางส่วนแล้ว", "ดำเนินการแล้วเป็นบางส่วน", "ทำไปบางส่วนแล้ว".
    `(?:ดำเนินการ|${TAM})\\s*(?:ไป|แล้ว|ได้)?\\s*(?:แล้ว)?\\s*(?:เป็น)?\\s*บางส่วน`,
    "คาดว่าจะ(?<!แล้ว[^]*คาดว่าจะ)",
    `(?:มีแผน(?:ที่)?จะ|กำหนด(?:ที่)?จะ|เตรียม(?:การ)?(?:ที่)?จะ)\\s*${TO_DO}`,
    // "จะ…" of what is to come: not a rule ("หากพบ…จะดำเนินการทางวินัย") nor, after something done,
    // what goes on ("จัดอบรมแล้ว และจะดำเนินการต่อไป") — nor "จะทำให้…", what the work brings.
    // Nor "กำชับว่าจะดำเนินการทางวินัย…", what staff were told.
    // (Each look back follows the word it is about: one before it would scan back at every place.)
    `จะ(?<!(?:หาก|ถ้า|กรณี)[^]*จะ)(?<!ว่า\\s*จะ)(?:(?<!แล้ว[^]*จะ)\\s*${TO_DO}|\\s*${TO_DO}(?![^]*(?:ต่อไป|ต่อเนื่อง|เป็นประจำ|ทุกปี)))`,
    // Set for later: "มีกำหนดจัดประชุม… ในเดือนกันยายน", "มีแผนจัดประชุม…", "เตรียมการจัดประชุม…".
    "(?:มีกำหนด(?:การ)?|มีแผน(?:การ)?|เตรียมการ)\\s*(?:จัด|ประชุม|อบรม|ดำเนินการ)",
    "รอ(?:การ)?\\s*(?:อนุมัติ|ดำเนินการ|งบประมาณ|พิจารณา|ผล|จัดพิมพ์|ลงนาม|เบิกจ่าย|ตรวจรับ|จัดส่ง)",
    // Not "เสนอขออนุมัติจัดประชุมและได้จัดประชุม…", approved and held since.
    "เสนอ(?:ขอ)?อนุมัติ(?![^]*(?:แล้ว|และได้))|อยู่ระหว่างเสนอ",
    // Carried out in part: "ดำเนินการไปแล้วร้อยละ 60" (not 100, nor "ผลการดำเนินการคิดเป็นร้อยละ 78.5
    // ของงบประมาณ", money spent).
    "(?<!ผล\\s*การ\\s*)(?:ดำเนินการ(?:ไป)?(?:แล้ว)?(?:ได้)?|คืบหน้า)\\s*(?:คิดเป็น)?\\s*ร้อยละ\\s*(?!100)\\d{1,2}(?:\\.\\d+)?(?![\\d.])(?!\\s*ของ)",
    "ยังไม่ได้รับ(?:การ)?\\s*(?:อนุมัติ|จัดสรร|งบประมาณ)",
    // Put off, to be held later.
    `(?:เลื่อน|ชะลอ)${ACTIVITY}`,
  ].join("|"),
  "u"
);
/**
 * Called off with nothing after it but a reason: the activity was named before ("จึงยกเลิก",
 * "ถูกยกเลิก", "ยกเลิกไป", "1. งด"); "ยกเลิกการใช้…", "งดรับ…" have an object, and stay work done.
 */
const CALLED_OFF_ALONE = "(?:จึง|ถูก|ได้)?(?:ยกเลิก|งด|ระงับ)(?:ไป|แล้ว)?(?=\\s|$|เนื่องจาก|เพราะ|[,.;)])";

/**
 * Held another way instead ("ยกเลิกการประชุมแบบ onsite เปลี่ยนเป็นการประชุมออนไลน์", "งดจัดอบรม
 * เวียนแจ้งแทน"): then the calling off is of a form, and the work was done.
 */
const REPLACED = "(?:(?:เปลี่ยน|ปรับ)(?:เป็น|มาเป็น|มา)|(?<!ผู้|ตัว)แทน)";

/** An activity called off, or a calling off of one named before: one of the ways of not done. */
const CALL_OFF = `(?:(?:ยกเลิก|งด|ระงับ)${ACTIVITY}|${CALLED_OFF_ALONE})(?![^]*${REPLACED})`;

/**
 * What an office does to carry out a measure, after "ยังไม่มีการ" (not yet any …) or "ไม่ได้": not
 * what happened to it ("ยังไม่มีการร้องเรียน", "ไม่ได้เรียกรับ", "ยังไม่มีการแจ้งเบาะแส" are facts).
 */
const ACTION = `(?:ดำเนินการ|${JAT}|${TAM}|ประชุม|อบรม|เผยแพร่|ประชาสัมพันธ์|ประกาศ|แต่งตั้ง|มอบหมาย|เวียน|เปิดเผย|สร้าง|วิเคราะห์|ทบทวน|ปรับปรุง|ซักซ้อม|ชี้แจง|ติดตาม|กำชับ|กำกับ|ศึกษา|เข้าร่วม|ติดตั้ง|ติดประกาศ|ติดป้าย)`;

/**
 * Not a "not" of the office's work but of whom or what its work was for, in a clause that describes
 * them ("จัดประชุมชี้แจงเจ้าหน้าที่ที่ยังไม่ได้รับทราบคู่มือ", "…ให้ผู้ที่ไม่สามารถเดินทางมาได้"): after a
 * relative "ที่" or "ซึ่ง" (not the end of เจ้าหน้าที่, สถานที่, พื้นที่: "เจ้าหน้าที่ยังไม่ได้จัดทำคู่มือ"
 * is not done; nor of the work itself: "มาตรการที่ยังไม่ได้ดำเนินการ คือ…", "สิ่งที่ยังไม่ได้ทำ").
 * Put once before the statements of "not" it guards (`NOT_DONE`).
 */
const NOT_RELATIVE =
  "(?<!(?:(?<!หน้า|สถาน|พื้น|มาตรการ|กิจกรรม|โครงการ|งาน|เรื่อง|ข้อ|ส่วน|รายการ|สิ่ง)ที่|ซึ่ง)\\s*(?:ยัง\\s*)?)";

/**
 * Not done: "ยังไม่ได้…" / "ยังมิได้…" whatever was not done yet (not "…ได้รับ", "…ได้พบ": what came
 * or was found, "ยังไม่ได้รับเรื่องร้องเรียน"), "ยังไม่มีการ…" and "ไม่ได้…" / "มิได้…" of an action,
 * "ยังไม่จัด…", "ไม่สามารถจัด…ได้", an activity called off ("งดดำเนินการ", "ยกเลิกโครงการ…").
 */
const NOT_DONE = new RegExp(
  [
    // Each "not" of the office's work, unless it is of whom the work was for (`NOT_RELATIVE`).
    `${NOT_RELATIVE}(?:${[
      // Not what did not come in ("ยังไม่ได้รับเรื่องร้องเรียน", "…รับแจ้ง"), nor what was not found.
      `ยัง\\s*(?:ไม่|มิ)\\s*ได้(?!\\s*(?:รับ\\s*(?:การ)?\\s*(?:เรื่อง|แจ้ง|ข้อร้องเรียน|ร้องเรียน|คำร้อง)|พบ))`,
      `ยังไม่\\s*(?:ดำเนินการ|${JAT}|${TAM}|เริ่ม|มีการดำเนินการ|เผยแพร่|ประชุม)`,
      `ยังไม่มีการ\\s*${ACTION}`,
      `(?:ไม่|มิ)\\s*ได้\\s*(?:มีการ\\s*)?${ACTION}`,
      // Not "ไม่ดำเนินการใด ๆ ที่…" nor "กำชับให้…ไม่ดำเนินการนอกเหนือ…", rules of conduct staff keep.
      `ไม่ดำเนินการ(?<!ให้[^]*ไม่ดำเนินการ)(?!\\s*(?:ใด|นอกเหนือ|ที่ขัด))`,
      `ไม่มีการดำเนินการ`,
      // Held in no way this round, or not able to be.
      `ไม่มีการ\\s*(?:${JAT}|ประชุม|อบรม|ชี้แจง|ซักซ้อม|เผยแพร่|ประชาสัมพันธ์)`,
      // Not "…แจ้งว่าไม่สามารถรับ…", what staff were told they may not do.
      `(?:ยัง)?(?:ไม่|มิ)\\s*สามารถ(?<!ว่า\\s*(?:ยัง)?(?:ไม่|มิ)\\s*สามารถ)\\s*${ACTION}`,
    ].join("|")})`,
    // Not able to, put after the verb: "จัดอบรมไม่ได้ เนื่องจาก…".
    `${ACTION}\\S{0,30}?ไม่ได้(?=\\s|$|เนื่องจาก|เพราะ|[,.;)])`,
    // Not approved ("ไม่ได้รับงบประมาณ" is only why: `REASON`).
    "(?:ไม่|มิ)\\s*ได้รับ\\s*(?:การ)?\\s*อนุมัติ|ไม่ผ่านการอนุมัติ",
    // Called off: of an activity, or said of one already named ("…ไม่มีผู้เข้าร่วมประชุมจึงยกเลิก",
    // "การอบรมถูกยกเลิก", "1. งด").
    CALL_OFF,
  ].join("|"),
  "u"
);

/** A calling off followed by what was held instead: the two matched apart. */
const CALLED_OFF_FOR = new RegExp(
  `(?:(?:ยกเลิก|งด|ระงับ)${ACTIVITY}|${CALLED_OFF_ALONE})[^]*?(${REPLACED})`,
  "u"
);

/**
 * What was done instead of an activity called off ("ยกเลิกการประชุมแบบ onsite เปลี่ยนเป็นการประชุม
 * ชี้แจงงบประมาณออนไลน์" → "การประชุมชี้แจงงบประมาณออนไลน์"; "งดจัดอบรม เวียนแจ้งแทน" → "เวียนแจ้ง"),
 * else the clause as it is: the work done is what is matched with the measures.
 */
export function heldInstead(clause: string): string {
  const m = CALLED_OFF_FOR.exec(clause);
  if (!m) return clause;
  const at = m.index + m[0].length;
  if (!m[1].endsWith("แทน"))
    return (
      clause
        .slice(at)
        .replace(/\s*แทน\s*$/u, "")
        .trim() || clause
    );
  // "…งดจัดอบรม เวียนแจ้งแทน": what stands before "แทน", after the calling off's own words.
  const before = clause.slice(0, at - m[1].length);
  const off = new RegExp(`(?:(?:ยกเลิก|งด|ระงับ)${ACTIVITY}|${CALLED_OFF_ALONE})\\S*\\s*`, "u").exec(
    before
  );
  const rest = off ? before.slice(off.index + off[0].length) : before;
  return (rest + clause.slice(at)).trim() || clause;
}

/** Called off: an activity cancelled, dropped or suspended ("ยกเลิกโครงการ…", "งดจัดกิจกรรม", "…จึงยกเลิก"). */
const CANCELLED = new RegExp(CALL_OFF, "u");

/**
 * What a "not done" says was not done: the words that say "not", "under way" or "called off", and
 * the reason after them, left out ("ยังไม่ได้จัดประชุมชี้แจง เนื่องจากติดภารกิจ" → "จัดประชุมชี้แจง").
 */
export function notDoneWhat(text: string): string {
  return withoutJoin(text)
    .split(/\s*(?:เนื่องจาก|เพราะ|ด้วยเหตุ|ซึ่ง|จึง|โดยจะ|คาดว่า)/u)[0]
    .replace(
      /(?:ยัง\s*)?(?:ไม่|มิ(?=\s*ได้))\s*(?:ได้|สามารถ)?\s*(?:มีการ)?|ยกเลิก|งด|ระงับ|ถูก(?=ยกเลิก)|อยู่ระหว่าง|อยู่ใน(?:ระหว่าง|ขั้นตอน)|กำลัง(?=ดำเนินการ|จัด|ทำ)|เลื่อน|ชะลอ|ยกเว้น|แล้วเสร็จ/gu,
      " "
    );
}

/** An office's own verb of work, "ดำเนินการ" (to carry out, of anything) aside. */
const WORK_VERB = new RegExp(ACTION.replace("ดำเนินการ|", ""), "u");

/**
 * A "not done" that names no work of its own ("ยังไม่ได้ดำเนินการ เนื่องจาก…", "รอการอนุมัติ",
 * "ดำเนินการแล้วบางส่วน"), unlike "มิได้กำชับเป็นหนังสือ": no verb of work is left once "not" and
 * the reason are left out.
 */
export const namesNoWork = (text: string): boolean => !WORK_VERB.test(notDoneWhat(text));

/** Where a pattern first matches a text (Infinity: nowhere). */
const firstAt = (re: RegExp, s: string) => {
  const m = re.exec(s);
  return m ? m.index : Infinity;
};

/** The only words of a statement that the planned measures were carried out. */
const AS_PLANNED_WORDS = new Set([
  ...["ดำเนินการ", "ดำเนิน", "การ", "ได้", "แล้ว", "เรียบร้อย", "ครบถ้วน", "ครบ", "ถ้วน", "ทุก", "ข้อ"],
  ...["มาตรการ", "ตาม", "แผน", "แผนงาน", "ที่", "กำหนด", "วาง", "ไว้", "ข้างต้น", "ข้าง", "ต้น"],
  ...["ดังกล่าว", "ดัง", "กล่าว", "ทั้งหมด", "ทั้ง", "หมด", "เสร็จ", "สิ้น", "เสร็จสิ้น", "แล้วเสร็จ"],
  ...["ใน", "ทุกข้อ", "กิจกรรม", "ปฏิบัติ", "เป็น", "ไป", "เป็นไป", "ทุกประการ", "ประการ", "ด้วย"],
  // How the segmenter splits "ตามแผนที่วางไว้" and "วางแผน".
  ...["แผนที่", "วางแผน"],
  // Said plainly: "ทำแล้ว", "ทำครบแล้ว", "ทำตามแผนแล้ว".
  ...["ทำ"],
  // Carried on: "ดำเนินการอย่างต่อเนื่อง", "ยังคงดำเนินการเป็นประจำทุกเดือน".
  ...["อย่าง", "ต่อ", "เนื่อง", "ต่อเนื่อง", "อย่างต่อเนื่อง", "เป็นประจำ", "ประจำ", "ยังคง", "ยัง", "คง"],
  ...["ทุกเดือน", "เดือน", "สม่ำเสมอ", "อย่างสม่ำเสมอ"],
  // Of the plans it names, or the others': "ในข้อ 1 และ 3", "ส่วนข้ออื่นดำเนินการแล้ว".
  ...["และ", "หรือ", "ถึง", "อื่น", "ข้ออื่น", "ที่เหลือ", "เหลือ", "ครบทั้ง"],
]);
const DONE_WORD = /ดำเนินการ|ปฏิบัติ|แล้ว|ครบถ้วน|เรียบร้อย/u;

/** A results entry that only says the planned measures were carried out. */
export function isAsPlanned(raw: string): boolean {
  // Such a statement is short: a long entry says more than that, even without its details.
  if (raw.length > 200 || !DONE_WORD.test(raw)) return false;
  // "ส่วนมาตรการอื่นดำเนินการแล้ว": the joining word says nothing of what was done.
  const s = withoutDetail(withoutJoin(thaiDigitsToAscii(raw.normalize("NFC"))));
  if (s.length > 80) return false;
  if (!DONE_WORD.test(s)) return false;
  const t = s.toLowerCase();
  let only = true;
  eachWord(t, (from, to, wordLike) => {
    const w = t.slice(from, to).trim();
    // Whole numbers and order numbers ("45/2568"), not "1.6" (a measure's number in the central report).
    if (wordLike && !AS_PLANNED_WORDS.has(w) && !/^\d+(?:\/\d+)?$/u.test(w)) only = false;
    return only;
  });
  return only;
}

/**
 * When, how often, where and by what order it was done, and which plans: what a statement that the
 * plans were carried out may add ("ดำเนินการแล้ว เมื่อวันที่ 12 มีนาคม 2568", "…2 ครั้ง", "…ตามคำสั่ง
 * ที่ 45/2568", "…(รายละเอียดตามเอกสารแนบ)", "…ในข้อ 1, 2 และ 5", "ครบทั้ง 5 มาตรการ").
 */
const DETAIL = new RegExp(
  [
    "\\((?:[^)]*(?:รายละเอียด|เอกสาร|แนบ)[^)]*)\\)",
    "(?:ลง)?(?:เมื่อ)?\\s*(?:วันที่|วัน)?\\s*\\d{1,2}\\s*(?:[ก-ฮ]{1,2}\\.\\s*[ก-ฮ]\\.|[ก-๛]+)\\s*(?:พ\\.\\s*ศ\\.\\s*)?\\d{2,4}",
    "(?:ใน)?(?:เดือน)?(?:มกราคม|กุมภาพันธ์|มีนาคม|เมษายน|พฤษภาคม|มิถุนายน|กรกฎาคม|สิงหาคม|กันยายน|ตุลาคม|พฤศจิกายน|ธันวาคม)",
    "ณ\\s*\\S+",
    "(?:ตาม)?(?:หนังสือ|คำสั่ง)\\S*\\s*(?:ที่)?\\s*[\\d/.]+",
    "\\d+\\s*ครั้ง",
    "ร้อยละ\\s*100",
    "(?:เป็นประจำ)?ทุกปี",
  ].join("|"),
  "gu"
);
const withoutDetail = (s: string) => s.replace(DETAIL, " ").replace(/\s+/gu, " ").trim();

/** Words that begin another clause of the same entry ("จัดอบรมแล้ว แต่ยังไม่ได้จัดทำคู่มือ"). */
const CLAUSE_START = new Set([
  ...["แต่", "ส่วน", "ขณะที่", "ทั้งนี้", "สำหรับ", "อย่างไรก็ตาม", "อย่างไรก็ดี", "ยกเว้น"],
]);

/**
 * A chunk that may begin with one of them (the segmenter then says whether it is that word): not
 * "ส่วน" of a word the segmenter splits ("ส่วนราชการ", "ส่วนร่วม", "ส่วนได้ส่วนเสีย").
 */
const CLAUSE_PREFIX =
  /^(?:แต่|ส่วน(?!ราชการ|ร่วม|งาน|ตัว|ตน|รวม|หนึ่ง|ต่าง|กลาง|ได้|บุคคล|ใหญ่|น้อย|ประกอบ|แบ่ง|ลด|สูง)|ขณะที่|ทั้งนี้|สำหรับ|อย่างไรก็ตาม|อย่างไรก็ดี|ยกเว้น)/u;

/** Joining words of more than one word, which the segmenter splits ("อย่างไร" "ก็ตาม"). */
const LONG_JOIN = new Set(["ขณะที่", "ทั้งนี้", "อย่างไรก็ตาม", "อย่างไรก็ดี"]);

/** A chunk begins with a joining word: the prefix it begins with, else null. */
function joinOf(chunk: string): string | null {
  const m = CLAUSE_PREFIX.exec(chunk);
  if (!m) return null;
  return LONG_JOIN.has(m[0]) || CLAUSE_START.has(firstWord(chunk)) ? m[0] : null;
}

function firstWord(chunk: string): string {
  let first = "";
  eachWord(chunk, (from, to, wordLike) => {
    if (wordLike) first = chunk.slice(from, to);
    return !wordLike;
  });
  return first;
}

/**
 * A chunk that says what is not done, under way or to come ("ยังไม่ได้จัดทำคู่มือ", "ไม่ได้จัดทำ…",
 * "และอยู่ระหว่างจัดทำ…", "และมีกำหนดจัดประชุมครั้งต่อไป…").
 */
const NOT_YET =
  /^(?:และ|โดย)?\s*(?:ผู้บริหาร|ผู้อำนวยการ(?:เขต)?|ผู้บังคับบัญชา|เจ้าหน้าที่|สำนักงานเขต|ฝ่าย\S{0,15}?)?\s*(?:ยัง\s*(?:ไม่|มิ)|(?:ไม่|มิ)\s*(?:ได้|สามารถ|มีการ)|อยู่ระหว่าง|อยู่ใน(?:ระหว่าง|ขั้นตอน)|กำลัง(?:ดำเนินการ|จัด|ทำ)|มีกำหนด|มีแผน|จะ)/u;
/** Something the office did, in what comes before: "…แล้ว", "…เมื่อวันที่…", or an action's verb. */
const DID = new RegExp(`แล้ว|เมื่อ|${ACTION}`, "u");
/** Who did something, first in a chunk ("ผู้บริหารได้ประกาศเจตนารมณ์…" after "ไม่มีเรื่องร้องเรียน"). */
const SUBJECT_DID =
  /^(?:ผู้บริหาร|ผู้อำนวยการ(?:เขต)?|ผู้บังคับบัญชา|สำนักงานเขต|ฝ่าย\S{0,15}?)\s*(?:ได้|มีการ)/u;
/** Why it was not done, by what was done instead ("ไม่ได้จัดประชุม เนื่องจากได้เวียนแจ้งเป็นหนังสือแล้ว"). */
const DONE_INSTEAD = /^(?:เนื่องจาก|เพราะ)\s*(?:ได้(?!รับ)|ใช้)/u;

/**
 * A clause that says what was done instead ("เนื่องจากได้เวียนแจ้งเป็นหนังสือแล้ว", "แต่ได้ชี้แจงใน
 * ที่ประชุมผู้บริหารแทน"): the "not done" beside it is of a form, not of the work.
 */
export const saysInstead = (clause: string): boolean =>
  DONE_INSTEAD_IN.test(clause) || /(?<!ผู้|ตัว)แทน\s*[.)]?$/u.test(clause.trim());
/** "…เนื่องจากได้…", "…เพราะใช้…" anywhere in a clause: the reason is what was done instead. */
const DONE_INSTEAD_IN = /(?:เนื่องจาก|เพราะ)\s*(?:ได้(?!รับ)|ใช้)/u;

/**
 * "ยกเว้น" (except) inside a chunk, where a clause begins ("ดำเนินการแล้วยกเว้นการจัดทำคู่มือ"): not
 * "ข้อยกเว้น" (an exception) nor "ได้รับการยกเว้น" (exempted).
 */
const EXCEPT_IN = /(?=ยกเว้น)(?<=\S)(?<!ข้อ|การ)/gu;
/** A clause that names what was left out ("ยกเว้นการจัดทำคู่มือ"): that was not done. */
const EXCEPT = /^\s*ยกเว้น/u;

/**
 * A bare status after the words of a plan ("2. จัดประชุมชี้แจง - ยังไม่ได้ดำเนินการ", "จัดทำคู่มือ :
 * อยู่ระหว่างดำเนินการ", "…ผู้ปฏิบัติงาน ยังไม่ได้ดำเนินการ"): it names no work of its own, up to the
 * next clause, and what comes before says nothing done of its own ("แล้ว", "เมื่อ…"), so it is the
 * status of that plan, not a second clause beside a first one done.
 */
function isStatusOf(before: string, rest: string): boolean {
  if (/แล้ว|เมื่อ/u.test(before)) return false;
  const own = rest.split(/\s(?=แต่|ส่วน|ขณะที่|ทั้งนี้|สำหรับ|อย่างไรก็|ยกเว้น)/u)[0];
  return namesNoWork(own);
}

/**
 * An entry's clauses: split at ";", before a space-led word that begins a clause ("แต่", "ส่วน"),
 * before a "not yet" or "under way" that follows something said done ("จัดประชุมแล้ว ยังไม่ได้จัดทำ
 * คู่มือ", "จัดประชุมชี้แจงเมื่อวันที่ 5 มี.ค. และอยู่ระหว่างจัดทำ…": the meeting was held; only the
 * manual is not done), before what was done instead of what was not, and before who did something
 * after a fact ("ไม่มีเรื่องร้องเรียน ผู้บริหารได้ประกาศเจตนารมณ์…").
 */
export function clauses(raw: string): string[] {
  const out: string[] = [];
  const spaced = raw.includes("ยกเว้น") ? raw.replace(EXCEPT_IN, " ") : raw;
  for (const part of spaced.split(/\s*[;；]\s*/u)) {
    // A clause is its chunks joined by one space: where the part's white space is all single
    // spaces (an entry's is: `splitCell` folds it), that is a slice of the part, not a copy — the
    // credits of 5,000 units keep their clauses.
    const sliced = !FOLDABLE.test(part);
    const chunks = /\S+/gu;
    let cur = "";
    let from = 0;
    let to = 0;
    for (let m = chunks.exec(part); m; m = chunks.exec(part)) {
      const chunk = m[0];
      if (
        cur &&
        (joinOf(chunk) !== null ||
          (NOT_YET.test(chunk) &&
            DID.test(cur) &&
            saysDone(cur) &&
            !isStatusOf(cur, part.slice(m.index))) ||
          (DONE_INSTEAD.test(chunk) && statementOf(cur) === "not-done") ||
          (SUBJECT_DID.test(chunk) && FACT.test(cur)))
      ) {
        out.push(cur);
        cur = "";
      }
      if (!cur) from = m.index;
      to = m.index + chunk.length;
      cur = sliced ? part.slice(from, to) : cur ? `${cur} ${chunk}` : chunk;
    }
    if (cur) out.push(cur);
  }
  return out;
}

/**
 * A clause without the word that joins it to the one before ("แต่ผู้บริหารได้กำชับ…" →
 * "ผู้บริหารได้กำชับ…"): what it says, as a measure is written.
 */
export function withoutJoin(clause: string): string {
  const join = joinOf(clause);
  return join === null ? clause : clause.slice(join.length).trimStart() || clause;
}

/** A clause that only leads in to the entries below it ("ดำเนินการแล้ว ดังนี้"): it says nothing itself. */
export function isLeadIn(text: string): boolean {
  return /^(?:ดัง(?:ต่อไป)?นี้|ได้แก่|คือ|ดังนี้คือ|ตามรายละเอียด(?:ดัง(?:ต่อไป)?นี้)?)?\s*[:：]?$/u.test(
    text.trim()
  );
}

/**
 * The plan a clause names by its number ("ยกเว้นข้อ 5 ยังไม่ได้ดำเนินการ", "มาตรการที่ 2"), else
 * undefined; not an item's code ("ข้อ I5") nor a sub-number ("1.1").
 */
export function namedPlan(clause: string): number | undefined {
  return namedPlans(clause)[0];
}

/** A plan's number ("ข้อ 3", "มาตรการที่ 3", "3"), not an item's code nor a sub-number. */
const PLAN_NO = "(?:(?:ข้อ|มาตรการ)\\s*(?:ที่\\s*)?)?(\\d{1,2})(?![\\d.])";
const FIRST_PLAN = /(?:ข้อ|มาตรการ)\s*(?:ที่\s*)?(\d{1,2})(?![\d.])/u;
const NEXT_PLAN = new RegExp(`\\s*(,|และ|หรือ|[-–]|ถึง)?\\s*${PLAN_NO}`, "uy");

/**
 * Every plan a clause names by number, in a list or a range ("ยกเว้นข้อ 3 และข้อ 5", "ข้อ 2, 3",
 * "ข้อ 3 - 4", "มาตรการที่ 2 และ 4"): the first and those joined to it.
 */
export function namedPlans(clause: string): number[] {
  const s = thaiDigitsToAscii(clause);
  const m = FIRST_PLAN.exec(s);
  if (!m) return [];
  const out = [Number(m[1])];
  NEXT_PLAN.lastIndex = m.index + m[0].length;
  for (let n = NEXT_PLAN.exec(s); n && out.length < 20; n = NEXT_PLAN.exec(s)) {
    // Numbers side by side with nothing between them are not a list ("ข้อ 3 2 ครั้ง").
    if (!n[1]) break;
    const k = Number(n[2]);
    const last = out[out.length - 1];
    if (/^(?:[-–]|ถึง)$/u.test(n[1]) && k > last && k - last < 20)
      for (let j = last + 1; j <= k; j++) out.push(j);
    else out.push(k);
  }
  return out;
}

/** A clause says something done (or done as planned), not "not done" nor "under way". */
const saysDone = (clause: string) => {
  const st = statementOf(clause);
  return st === "done" || st === "as-planned";
};

/**
 * A clause that says not done because the activity was called off ("ยกเลิกโครงการฝึกอบรม เนื่องจาก…",
 * "งดจัดกิจกรรม"), not that it is still to be done: the first "not done" it says is the calling off.
 */
export function saysCalledOff(clause: string): boolean {
  const s = thaiDigitsToAscii(clause.normalize("NFC"));
  const at = firstAt(CANCELLED, s);
  return at < Infinity && at <= firstAt(NOT_DONE, s) && statementOf(clause) === "not-done";
}

/**
 * What happened, not what the office did: nothing came in or was found ("ไม่มีเรื่องร้องเรียน",
 * "ยังไม่ได้รับเรื่องร้องเรียน", "ไม่พบการทุจริต", "ไม่มีการเรียกรับสินบน"), said at the clause's start.
 */
const FACT = new RegExp(
  [
    // "ไม่มี…", "ไม่พบ…" first (what the office did not hold, "ไม่มีการจัดประชุม", is `NOT_DONE`).
    "^\\s*(?:ใน(?:รอบ|ช่วง|ปี|ไตรมาส)[^\\n]{0,25}?\\s*)?(?:ยัง)?(?:ไม่|มิ)\\s*(?:ได้)?\\s*(?:มี|พบ|ปรากฏ|เกิด)",
    "^\\s*(?:ยัง)?(?:ไม่|มิ)\\s*ได้\\s*รับ\\s*(?:การ|ว่า)?\\s*(?:เรื่อง|กรณี|ข้อ)?\\s*(?:การ)?\\s*(?:ร้องเรียน|แจ้ง|คำร้อง)",
    // Staff took nothing, wherever it is said — unless as what they were told ("กำชับให้…", "แจ้งว่า…").
    "(?:ไม่|มิ)\\s*(?:ได้|สามารถ)\\s*(?:เรียก)?รับ\\s*(?:สินบน|ของขวัญ|ผลประโยชน์|เงิน|ทรัพย์สิน|ของกำนัล)(?<!(?:ให้|ว่า)[^]*)",
  ].join("|"),
  "u"
);
/** Only the reason for something ("เนื่องจากติดภารกิจ", "ไม่มีงบประมาณ"), said on its own line. */
const REASON =
  /^\s*(?:(?:เนื่องจาก|เพราะ)(?!\s*(?:ได้(?!รับ)|ใช้))|ด้วยเหตุ|ติดภารกิจ|ไม่มีงบประมาณ|งบประมาณไม่เพียงพอ|(?:ยัง)?ไม่ได้รับ\s*(?:การ)?\s*(?:จัดสรร)?\s*งบประมาณ)/u;

/** What one clause of a result says (see `Statement`). */
export const statementOf = (clause: string): Statement => STATEMENTS.of(clause, readStatement);

/** Clauses already read: each is asked about when split and when counted, in every unit alike. */
const STATEMENTS = new TextCache<Statement>(2_000_000, 50_000);

function readStatement(clause: string): Statement {
  const s = thaiDigitsToAscii(clause.normalize("NFC"));
  // What the clause says first: "ยังไม่ได้ดำเนินการ เนื่องจากอยู่ระหว่างปรับปรุงคู่มือ" is not done,
  // "อยู่ระหว่างดำเนินการ ยังไม่ได้สรุปผล" under way (at one place, under way: "ยังไม่แล้วเสร็จ").
  const notDone = firstAt(NOT_DONE, s);
  const inProgress = firstAt(IN_PROGRESS, s);
  if (inProgress <= notDone && inProgress < Infinity) return "in-progress";
  if (notDone < Infinity) return "not-done";
  // "…แล้ว ยกเว้นการจัดทำคู่มือ": what is excepted was not done.
  if (EXCEPT.test(s)) return "not-done";
  if (FACT.test(s) || REASON.test(s)) return "fact";
  if (isAsPlanned(s)) return "as-planned";
  return "done";
}

/** Word overlap (Dice coefficient) of two word sets: 0 nothing shared, 1 the same words. */
export function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (!a.size || !b.size) return 0;
  let common = 0;
  for (const w of a) if (b.has(w)) common++;
  return (2 * common) / (a.size + b.size);
}

/**
 * How alike two entries are: Dice, or containment (the share of the shorter entry's words found in the
 * longer one: a unit that wrote a short form of a standard measure, "จัดประชุมชี้แจงคู่มือ", still
 * matches it) when the shorter one has enough words. The words in common are counted once, for both
 * (every entry is compared with every measure of its group).
 */
export function likeness(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (!a.size || !b.size) return 0;
  const small = a.size <= b.size ? a : b;
  const big = small === a ? b : a;
  let common = 0;
  for (const w of small) if (big.has(w)) common++;
  const dice = (2 * common) / (a.size + b.size);
  return small.size >= 4 ? Math.max(dice, (common / small.size) * 0.9) : dice;
}

/** An entry matches a standard measure (or another entry) at this likeness or above. */
export const MATCH_AT = 0.55;
/** Likeness this close to the best is as alike: an entry's number then decides. */
const NEAR = 0.05;

const REFERENCE =
  /(?:ตาม)?(?:มาตรการ|แนวทาง)?\s*(?:ใน|ตาม)?\s*ข้อ\s*([IEOieo])\s*(\d{1,3})(?:\s*[-–]\s*[IEOieo]?\s*\d{1,3})?/u;

/**
 * The measure group an entry refers to instead of stating measures ("ดำเนินการตามมาตรการในข้อ I1",
 * "ตามข้อ i5"), or null when it refers to none or to an item the form does not have. Only short
 * entries are references: a long entry that mentions an item is a measure of its own.
 */
export function referencedGroup(entry: string, formDef: FormDef): string | null {
  let known = REFERENCES.get(formDef);
  if (!known) REFERENCES.set(formDef, (known = new TextCache(1_000_000, 50_000)));
  const hit = known.get(entry);
  return hit !== undefined ? hit : known.set(entry, findReference(entry, formDef));
}

/** Entries already looked at, by form: every entry of every unit is asked about. */
const REFERENCES = new WeakMap<FormDef, TextCache<string | null>>();

function findReference(entry: string, formDef: FormDef): string | null {
  const m = REFERENCE.exec(thaiDigitsToAscii(entry));
  if (!m) return null;
  const rest = entry.replace(m[0], "");
  if (words(rest).size > 3) return null;
  const code = `${m[1].toUpperCase()}${Number(m[2])}`;
  const item =
    formDef.byCode.get(code) ??
    formDef.items.find((it) => {
      const r = /^O(\d+)-O(\d+)$/.exec(it.code);
      return r !== null && code.startsWith("O") && +r[1] <= +m[2] && +m[2] <= +r[2];
    });
  return item ? item.measureGroup : null;
}

export interface EntryMatch {
  entry: string;
  /** Index of the standard measure it matches, or null when it is the unit's own measure. */
  standard: number | null;
  likeness: number;
}

/** The words of each of a form's standard measures, made once per list. */
const STANDARD = new WeakMap<readonly string[], ReadonlySet<string>[]>();
function standardWords(standard: readonly string[]): ReadonlySet<string>[] {
  let std = STANDARD.get(standard);
  if (!std) STANDARD.set(standard, (std = standard.map((s) => words(normaliseMeasure(s)))));
  return std;
}

/** Match each entry to the most alike standard measure (at or above MATCH_AT), else to none. */
export function matchEntries(
  entries: readonly string[],
  standard: readonly string[]
): EntryMatch[] {
  const std = standardWords(standard);
  return entries.map((entry) => {
    const w = words(entry);
    let best = -1;
    let bestScore = 0;
    std.forEach((s, i) => {
      const score = likeness(w, s);
      if (score > bestScore) {
        best = i;
        bestScore = score;
      }
    });
    return bestScore >= MATCH_AT
      ? { entry, standard: best, likeness: bestScore }
      : { entry, standard: null, likeness: bestScore };
  });
}

/**
 * Match each result to the most alike standard measure, as `matchEntries` does, taking also the
 * result's first phrases on their own: a unit writes the measure and goes on with its own detail
 * ("เผยแพร่ประชาสัมพันธ์คู่มือ… ในช่องทางใหม่ คือ แอปพลิเคชัน TikTok"), and the detail must not hide
 * the measure it restates. `firstPhrases(text)` gives the text's leading parts to try.
 */
export function matchResults(
  entries: readonly string[],
  standard: readonly string[],
  firstPhrases: (text: string) => string[],
  /** The measure each entry's number points to (the plan of its number), if any. */
  pointed: readonly (number | undefined)[] = []
): EntryMatch[] {
  const std = standardWords(standard);
  return entries.map((entry, n) => {
    let best = -1;
    let bestScore = 0;
    const tryPart = (w: ReadonlySet<string>) =>
      std.forEach((s, i) => {
        const score = likeness(w, s);
        if (score > bestScore) {
          best = i;
          bestScore = score;
        }
      });
    const whole = words(entry);
    tryPart(whole);
    // The first phrases only when the whole does not match (they are what a detail hides).
    if (bestScore < MATCH_AT)
      for (const part of firstPhrases(entry)) {
        const w = words(part);
        if (w.size >= 4) tryPart(w);
      }
    // Numbered as a plan: the measure it points to, when that one is as alike as the best (by the
    // whole or the first phrases) — "4. จัดประชุมชี้แจง ซักซ้อมทำความเข้าใจการปฏิบัติงานตามภารกิจ…"
    // is measure 4, though its words fit 2 nearly as well. Results numbered on their own (seed 003:
    // "1." the manual, plan 1 the training) keep the measure they are clearly about.
    const p = pointed[n];
    if (p !== undefined && p !== best && p < std.length && best >= 0) {
      const parts = [
        whole,
        ...firstPhrases(entry)
          .map(words)
          .filter((w) => w.size >= 4),
      ];
      const of = (k: number) => Math.max(...parts.map((w) => likeness(w, std[k])));
      const score = of(p);
      if (score >= MATCH_AT && score >= of(best) - NEAR)
        return { entry, standard: p, likeness: score };
    }
    return bestScore >= MATCH_AT
      ? { entry, standard: best, likeness: bestScore }
      : { entry, standard: null, likeness: bestScore };
  });
}

/** Group alike texts (each joins the first group whose first text it matches); order kept. */
export function groupAlike<T>(items: readonly T[], text: (t: T) => string): T[][] {
  const groups: { key: ReadonlySet<string>; members: T[] }[] = [];
  for (const it of items) {
    const w = words(text(it));
    const g = groups.find((x) => likeness(x.key, w) >= MATCH_AT);
    if (g) g.members.push(it);
    else groups.push({ key: w, members: [it] });
  }
  return groups.map((g) => g.members);
}
