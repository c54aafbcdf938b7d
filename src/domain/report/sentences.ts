import { MergedUnit } from "../merge";
import { kindOf, Unit } from "../units";
import { thaiDigitsToAscii } from "../text";
import { words } from "./measureMatch";
import { eachWord, wordsOf } from "../wordBreak";

/**
 * The report's sentences from the units' own words: who (named, counted), the action most of them
 * share (their phrases, in Thai word units), and the telling examples — a unit's clause that says
 * what the others' do not. Text is only ever cut between phrases (at a space, where Thai ends a
 * clause), never inside a word, and a number is only ever the unit's own, beside its name.
 */

const THAI = /[\u0e00-\u0e7f]/u;

/** Words a phrase may not stand on alone: it joins the phrase after it. */
const JOINS_NEXT = new Set([
  "และ",
  "หรือ",
  "ณ",
  "คือ",
  "เช่น",
  "ได้แก่",
  "ของ",
  "ใน",
  "ที่",
  "โดย",
  "จำนวน",
  "กับ",
  "แก่",
  "ผ่าน",
  "ทาง",
]);
/** Phrases that end a text badly when left last. */
const DANGLING = new Set([
  "และ",
  "หรือ",
  "เช่น",
  "ได้แก่",
  "โดย",
  "เพื่อ",
  "ของ",
  "ใน",
  "ที่",
  "คือ",
  "ณ",
  "ผ่าน",
  "จำนวน",
]);

/** The longest word of JOINS_NEXT and DANGLING: a longer chunk is not one of them. */
const CONNECTIVE_MAX = 8;

/** The chunk's one word, or null when it has several (or is longer than any connective). */
const onlyWord = (chunk: string): string | null => {
  if (chunk.length > CONNECTIVE_MAX) return null;
  let w: string | null = null;
  let several = false;
  eachWord(chunk, (from, to, wordLike) => {
    if (!wordLike) return true;
    several = w !== null;
    w = chunk.slice(from, to);
    return !several;
  });
  return several ? null : w;
};

/**
 * A text's phrases: its space-separated parts, with the parts that cannot stand alone joined to
 * their neighbours — a number to the word after it ("45 คน"), a run of Latin words together ("No
 * Gift Policy"), a lone connective ("และ", "ผ่าน") to the part after it.
 */
export function phrases(text: string): string[] {
  const chunks = text.split(/\s+/u).filter(Boolean);
  const out: string[] = [];
  let carry = "";
  for (const c of chunks) {
    // The repetition mark belongs to the word before it.
    if (/^ๆ/u.test(c) && out.length && !carry) {
      out[out.length - 1] = `${out[out.length - 1]} ${c}`;
      continue;
    }
    const numberOnly = /^[\d.,:/%()\-–]+$/u.test(c);
    // A number belongs with the words on both sides of it: "มีผู้เข้าร่วม 30 คน", "ในรอบ 6 เดือน".
    if (numberOnly && !carry && out.length) {
      carry = out.pop()!;
    }
    const cur = carry ? `${carry} ${c}` : c;
    const w = onlyWord(c);
    if (numberOnly || (w !== null && JOINS_NEXT.has(w))) {
      carry = cur;
      continue;
    }
    carry = "";
    const prev = out[out.length - 1];
    // Latin words run on together ("Anti Bribery Policy", "E - service").
    if (
      prev !== undefined &&
      !THAI.test(c) &&
      !THAI.test(prev.slice(-1)) &&
      !THAI.test(cur.slice(0, 1))
    )
      out[out.length - 1] = `${prev} ${cur}`;
    else out.push(cur);
  }
  if (carry) {
    if (out.length) out[out.length - 1] = `${out[out.length - 1]} ${carry}`;
    else out.push(carry);
  }
  return out;
}

/** A text as compared for containment: NFC, ASCII digits, lower case, no spaces. */
export const squash = (s: string) =>
  thaiDigitsToAscii(s.normalize("NFC")).toLowerCase().replace(/\s+/gu, "");

/** The action the texts share, and which texts (indexes) have all of it. */
export interface Common {
  action: string;
  support: number[];
  /** The action stops before the end of the text it was taken from only because it grew long. */
  cut?: boolean;
}

/**
 * Most characters of a common action: longer, it stops at the phrase before — unless what is left
 * of the text is short (`ACTION_TAIL`): a measure copied whole (270 characters) is not cut inside
 * the name of the regulation it ends with.
 */
const ACTION_MAX = 260;
const ACTION_TAIL = 130;

/**
 * The action most texts share: the longest run of one text's phrases, from its first, found in as
 * many of the texts as possible — all of them when that run still says something (three words or
 * more), else at least half. A run from the first phrase is a clause as the unit wrote it: nothing in
 * its middle is left out. The support is the texts that have every phrase of it. "" when no run of
 * two words or more is shared by half of the texts.
 */
export function commonAction(texts: readonly string[]): Common {
  if (!texts.length) return { action: "", support: [] };
  const keys = texts.map(squash);
  // Candidates: the distinct texts, the most repeated first (a few dozen are enough).
  const count = new Map<string, number>();
  keys.forEach((k) => count.set(k, (count.get(k) ?? 0) + 1));
  const seen = new Set<string>();
  const candidates = texts
    .map((t, i) => ({ t, k: keys[i] }))
    .filter((c) => !seen.has(c.k) && seen.add(c.k))
    .sort((a, b) => count.get(b.k)! - count.get(a.k)!)
    .slice(0, 24);
  const n = texts.length;
  let best: { parts: string[]; support: number[]; content: number; cut: boolean } | null = null;
  for (const c of candidates) {
    const ps = phrases(c.t);
    const tail: number[] = [];
    for (let k = ps.length - 1, sum = 0; k >= 0; k--) tail[k] = sum += ps[k].length + 1;
    for (const need of n > 2 ? [n, Math.ceil(n / 2)] : [n]) {
      let support = keys.map((_, i) => i);
      let len = 0;
      let end = 0;
      let cut = false;
      for (; end < ps.length; end++) {
        const pk = squash(ps[end]);
        const next = support.filter((i) => keys[i].includes(pk));
        len += ps[end].length + 1;
        if (next.length < need) break;
        if (len > ACTION_MAX && end > 0 && tail[end] > ACTION_TAIL) {
          cut = true;
          break;
        }
        support = next;
      }
      const parts = cleanEnds(ps.slice(0, end));
      const content = words(parts.join(" ")).size;
      if (content < (need === n && n > 2 ? 3 : 2)) continue;
      const cand = { parts, support, content, cut };
      if (
        !best ||
        cand.support.length > best.support.length ||
        (cand.support.length === best.support.length && cand.content > best.content)
      )
        best = cand;
      break;
    }
  }
  return best
    ? { action: best.parts.join(" "), support: best.support, ...(best.cut ? { cut: true } : {}) }
    : { action: "", support: [] };
}

/** Phrases without a connective left dangling at either end. */
function cleanEnds(parts: string[]): string[] {
  const out = [...parts];
  while (out.length && DANGLING.has(onlyWord(out[out.length - 1]) ?? "")) out.pop();
  while (out.length && DANGLING.has(onlyWord(out[0]) ?? "")) out.shift();
  return out;
}

/** An action that begins with who did it ("ผู้บริหารกำชับ…", "หน่วยงานมีการ…"), not with a verb. */
const BY_SOMEONE = /^(?:ผู้|หน่วยงาน|เจ้าหน้าที่|บุคลากร|หัวหน้า|คณะ|ฝ่าย|สำนักงาน|ข้าราชการ|ทุก)/u;

/**
 * A unit's text after its name: without its own "หน่วยงาน" subject ("หน่วยงานมีการเปิดเผย…" →
 * "มีการเปิดเผย…"), which the name already is; "หน่วยงานภายใน…", "หน่วยงานที่…" (other units) kept.
 */
const OWN_SUBJECT =
  /^หน่วยงาน(?=\S)(?!ภายใน|ภาย|ย่อย|อื่น|ที่|ใน|ของ|ทุก|ต่าง|ราชการ|ภาครัฐ|รัฐ|เอกชน|ละ|ใด|นั้น|นี้|และ|หรือ|เจ้าภาพ|ผู้|กลาง|\/)/u;
export const afterName = (text: string) =>
  OWN_SUBJECT.test(text) ? text.replace(/^หน่วยงาน/u, "") : text;

/** The predicate of "who did it": "ได้" before a verb, "รายงานว่า" before a clause with its own subject. */
export const didAction = (action: string) =>
  BY_SOMEONE.test(action) ? `รายงานว่า${action}` : /^ได้/u.test(action) ? action : `ได้${action}`;

/** A common action as the summary says it: "ฯลฯ" after one that stops short of its text's end. */
export const didCommon = (c: Common) => `${didAction(c.action)}${c.cut ? " ฯลฯ" : ""}`;

/* ---------------------------------------------------------------------------------------------- */

/** Units named in a sentence: the districts under one prefix ("สำนักงานเขตพระนคร ดุสิต และบางรัก"). */
export function namesOf(units: readonly { unit: Unit }[]): string {
  if (!units.length) return "";
  const byPrefix = new Map<string, string[]>();
  const order: string[] = [];
  for (const u of units) {
    const prefix = kindOf(u.unit).prefix;
    if (!byPrefix.has(prefix)) {
      byPrefix.set(prefix, []);
      order.push(prefix);
    }
    byPrefix.get(prefix)!.push(u.unit.th);
  }
  const parts: string[] = [];
  for (const prefix of order) {
    const names = byPrefix.get(prefix)!;
    if (prefix) parts.push(`${prefix}${names.join(" ")}`);
    else parts.push(...names);
  }
  const all = parts.join(" ");
  // "และ" before the last name.
  const last = all.lastIndexOf(" ");
  return last < 0 ? all : `${all.slice(0, last)} และ${all.slice(last + 1)}`;
}

/** Units named in full, each once, in the merge's order. */
export const unitsIn = (merged: readonly MergedUnit[], keys: Iterable<string>): MergedUnit[] => {
  const want = new Set(keys);
  return merged.filter((m) => want.has(m.key));
};

/** Most units named in a sentence; past it, the few that did not are named instead, or only the count. */
const NAMED = 10;

/**
 * Who did it, as a sentence begins: every unit that reported ("ทุกหน่วยงานที่ส่งรายงาน (5 หน่วยงาน)"),
 * the units by name with their count, or the count with the few others named.
 */
export function whoOf(units: readonly MergedUnit[], all: readonly MergedUnit[]): string {
  const n = units.length;
  if (n === all.length && n > 1) return `ทุกหน่วยงานที่ส่งรายงาน (${n} หน่วยงาน)`;
  if (n <= NAMED) return n > 1 ? `${namesOf(units)} (${n} หน่วยงาน)` : namesOf(units);
  const keys = new Set(units.map((u) => u.key));
  const others = all.filter((m) => !keys.has(m.key));
  if (others.length <= NAMED) return `${n} หน่วยงาน (ทุกหน่วยงานที่ส่งรายงาน ยกเว้น${namesOf(others)})`;
  return `${n} หน่วยงาน ได้แก่ ${namesOf(units)}`;
}

/* ---------------------------------------------------------------------------------------------- */

const MONTHS =
  "มกราคม|กุมภาพันธ์|มีนาคม|เมษายน|พฤษภาคม|มิถุนายน|กรกฎาคม|สิงหาคม|กันยายน|ตุลาคม|พฤศจิกายน|ธันวาคม|ม\\.ค\\.|ก\\.พ\\.|มี\\.ค\\.|เม\\.ย\\.|พ\\.ค\\.|มิ\\.ย\\.|ก\\.ค\\.|ส\\.ค\\.|ก\\.ย\\.|ต\\.ค\\.|พ\\.ย\\.|ธ\\.ค\\.";
/** What makes a result telling: a number with its unit, a date, a named channel, a document. */
const MARKERS: RegExp[] = [
  /\d[\d,.]*\s*(?:คน|ราย|ครั้ง|ภาพ|ชุด|แห่ง|เรื่อง|ช่องทาง|วัน|โครงการ|รุ่น|หลักสูตร|ฉบับ|เล่ม|แผ่น|จุด|ชุมชน|โรงเรียน|ฝ่าย|ชั่วโมง|นาที|%|เปอร์เซ็นต์|หัวข้อ|ข้อ|รายการ|ประเด็น|กิจกรรม)/gu,
  /ร้อยละ\s*\d[\d.,]*/gu,
  new RegExp(`\\d{1,2}\\s*(?:${MONTHS})\\s*(?:พ\\.ศ\\.\\s*)?\\d{2,4}`, "gu"),
  /facebook|เฟซบุ๊ก|เฟสบุ๊ค|เฟสบุ๊ก|tiktok|ติ๊กต็อก|line\s*oa|\bline\b|ไลน์|youtube|ยูทูบ|instagram|qr\s*code|คิวอาร์โค้ด|traffy\s*fondue|ทราฟฟี่|แอปพลิเคชัน\s*\S+|เพจ|เสียงตามสาย|วิทยุ|จดหมายข่าว/giu,
  /(?:หนังสือ|คำสั่ง|ประกาศ)(?:สำนักงานเขต|กรุงเทพมหานคร)?\s*(?:ที่|เลขที่)\s*\S+|ที่\s*กท\s*[\d/.]+/gu,
];

/** The telling bits of a text: its markers, as written (lower case, spaces folded). */
export function markersOf(text: string): string[] {
  const t = thaiDigitsToAscii(text.normalize("NFC"));
  const out: string[] = [];
  for (const re of MARKERS)
    for (const m of t.matchAll(re)) out.push(m[0].toLowerCase().replace(/\s+/gu, " ").trim());
  return out;
}

export interface Telling {
  /** Index of the text among those given. */
  index: number;
  /** The rare words and markers that make it telling. */
  rare: string[];
  score: number;
}

/**
 * Which texts say something the others do not: words that at most a fifth of the texts (at least one)
 * use and that the measure itself, the common action and the units' names do not, and markers
 * (numbers with their units, dates, channels, documents) that few texts have. A text is telling with
 * two such words, or one marker. `groupOf[i]` is the unit of text i: a unit's texts count once.
 */
export function tellingTexts(
  texts: readonly string[],
  groupOf: readonly string[],
  known: ReadonlySet<string>
): Telling[] {
  const units = new Set(groupOf).size;
  const rareMax = Math.max(1, Math.floor(units * 0.2));
  // A word one letter off a known one is a typing slip ("อินโฟรกราฟิก"), not something new.
  const knownList = [...known];
  const slip = new Map<string, boolean>();
  const isSlip = (w: string) => {
    let v = slip.get(w);
    if (v === undefined) slip.set(w, (v = w.length > 3 && knownList.some((k) => oneEdit(w, k))));
    return v;
  };
  const wordsOf = texts.map((t) =>
    [...words(t)].filter((w) => !known.has(w) && w.length > 1 && !/^\d/.test(w) && !isSlip(w))
  );
  const marks = texts.map((t) => [...new Set(markersOf(t))]);
  const df = new Map<string, Set<string>>();
  const note = (w: string, g: string) => {
    let s = df.get(w);
    if (!s) df.set(w, (s = new Set()));
    s.add(g);
  };
  texts.forEach((_, i) => {
    for (const w of wordsOf[i]) note(`w:${w}`, groupOf[i]);
    for (const m of marks[i]) note(`m:${m}`, groupOf[i]);
  });
  const out: Telling[] = [];
  texts.forEach((_, i) => {
    const rareWords = wordsOf[i].filter((w) => df.get(`w:${w}`)!.size <= rareMax);
    const rareMarks = marks[i].filter((m) => df.get(`m:${m}`)!.size <= rareMax);
    const score = rareWords.length + 2 * rareMarks.length;
    if (score >= 2) out.push({ index: i, rare: [...rareMarks, ...rareWords], score });
  });
  return out;
}

/**
 * A text shortened to about `max` characters at the end of a phrase (a space, where Thai ends a
 * clause), with " …" after it; never inside a word: a first phrase longer than `max` is kept whole.
 */
export function cutAtPhrase(text: string, max: number): string {
  const t = text.replace(/\s+/gu, " ").trim();
  if (t.length <= max) return t;
  const ps = phrases(t);
  let out = ps[0];
  for (const p of ps.slice(1)) {
    if (out.length + 1 + p.length <= max) {
      out = `${out} ${p}`;
      continue;
    }
    // A long phrase after a short start ("I1 เจ้าหน้าที่ในสำนักงานเขต…"): its first words, whole.
    if (out.length < max / 2) {
      let part = "";
      for (const word of wordsOf(p)) {
        if (out.length + 1 + part.length + word.length > max) break;
        part += word;
      }
      if (part.trim()) out = `${out} ${part.trimEnd()}`;
    }
    break;
  }
  return out.length < t.length ? `${out} …` : out;
}

/** Whether two words differ by one letter added, dropped or changed. */
export function oneEdit(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  const [s, l] = a.length <= b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < s.length && s[i] === l[i]) i++;
  if (s.length === l.length) return s.slice(i + 1) === l.slice(i + 1);
  return s.slice(i) === l.slice(i + 1);
}

/** An example this short is shown whole. */
const EXAMPLE_WHOLE = 120;
/** Most characters of the clauses shown of a longer example (with its first phrase, its verb). */
const EXAMPLE_WINDOW = 300;

/**
 * A unit's text as an example: whole when short; else its first phrase (what it did) and its own
 * words — the phrases that do not restate the measure (`restated`: the measure's text and the action
 * all share) — with "…" where restated phrases are left out: between phrases, never inside a word.
 * Still longer than EXAMPLE_WINDOW, the run of those phrases with the most telling words is kept.
 */
export function exampleText(
  text: string,
  rare: readonly string[],
  restated: readonly string[] = []
): string {
  const t = text.replace(/\s+/gu, " ").trim();
  if (t.length <= EXAMPLE_WHOLE) return t;
  const ps = phrases(t);
  const known = restated.map(squash);
  const isKnown = (p: string) => known.some((k) => k.includes(squash(p)));
  const own = ps.map((p, i) => i === 0 || !isKnown(p));
  // An own phrase that begins by going on with the restated one before it ("รอบ 6 เดือน" restated,
  // then "และ 12 เดือน ตามคำสั่ง…", the plan's last words glued to the unit's own): the plan's words
  // go with the restated phrase, so that what is shown starts where the unit's own words do.
  for (let i = 1; i < ps.length; i++) {
    if (!own[i] || own[i - 1]) continue;
    const words = ps[i].split(" ");
    let cut = 0;
    for (let n = 1; n < words.length; n++)
      if (isKnown(`${ps[i - 1]} ${words.slice(0, n).join(" ")}`)) cut = n;
    if (cut) ps[i] = words.slice(cut).join(" ");
  }
  // Runs of the unit's own phrases; the first phrase always, the restated ones as "…".
  const runs: { from: number; to: number }[] = [];
  own.forEach((o, i) => {
    if (!o) return;
    const last = runs[runs.length - 1];
    if (last && last.to === i - 1) last.to = i;
    else runs.push({ from: i, to: i });
  });
  const hits = ps.map((p) => {
    const k = squash(p);
    return rare.filter((r) => k.includes(squash(r))).length;
  });
  // Too long still: the first phrase and the window of own phrases with the most telling words.
  const length = runs.reduce((n, r) => n + ps.slice(r.from, r.to + 1).join(" ").length + 3, 0);
  let keep = runs;
  if (length > EXAMPLE_WINDOW) {
    let best = { from: 0, to: 0, hits: -1, len: Infinity };
    for (let from = 1; from < ps.length; from++) {
      let len = ps[0].length;
      let h = 0;
      for (let to = from; to < ps.length; to++) {
        len += ps[to].length + 1;
        if (len > EXAMPLE_WINDOW && to > from) break;
        h += own[to] ? hits[to] : 0;
        if (h > best.hits || (h === best.hits && len > best.len && from === best.from))
          best = { from, to, hits: h, len };
      }
    }
    keep = [{ from: 0, to: 0 }, ...(best.hits >= 0 ? [{ from: best.from, to: best.to }] : [])];
    if (keep.length > 1 && keep[1].from === 1) keep = [{ from: 0, to: keep[1].to }];
  }
  let out = "";
  let end = -1;
  for (const r of keep) {
    if (r.from > end + 1) out += " …";
    out += `${out ? " " : ""}${ps.slice(r.from, r.to + 1).join(" ")}`;
    end = r.to;
  }
  return end < ps.length - 1 ? `${out} …` : out;
}
