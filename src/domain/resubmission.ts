/**
 * Which of several reports for the same unit, year and round is merged. A district that corrects its
 * report sends it again, so the later save wins and the earlier is superseded; when the later cannot be
 * told (copies inside one file, the same saved time, a time unknown) none is taken.
 */
import { baseName, Msg, msg } from "./text";

/** When a file was saved: from its own properties (`dcterms:modified`) or the file system. */
export interface SavedTime {
  /** ISO 8601, UTC. */
  at: string;
  source: "properties" | "filesystem";
}

export interface Candidate {
  file: string;
  sheet: string;
  saved?: SavedTime | null;
}

export type Resolution<T> =
  { kind: "latest" | "chosen"; keep: T; superseded: T[] } | { kind: "refused"; why: Msg };

/** A saved time in Bangkok time (UTC+7, no daylight saving), to the second: `2026-11-20 17:15:00 (UTC+7)`. */
export function formatSaved(s: SavedTime): string {
  const d = new Date(Date.parse(s.at) + 7 * 3600_000);
  const p = (n: number) => String(n).padStart(2, "0");
  const day = `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}`;
  return `${day} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} (UTC+7)`;
}

const sourceMsg = (s: SavedTime): Msg =>
  s.source === "properties"
    ? msg("เวลาบันทึกในไฟล์", "saved time in the file")
    : msg("เวลาแก้ไขไฟล์", "file modification time");

/**
 * The report to merge among copies for one unit, year and round (two or more). `prefer` names files
 * the user chose: exactly one copy from them is taken whatever its time.
 */
export function resolveResubmission<T extends Candidate>(
  copies: readonly T[],
  prefer: ReadonlySet<string> = new Set()
): Resolution<T> {
  const files = new Set(copies.map((c) => c.file));
  if (files.size < copies.length)
    return {
      kind: "refused",
      why: msg(
        "มีฉบับซ้ำอยู่ในไฟล์เดียวกัน จึงไม่ทราบว่าฉบับใดคือฉบับที่ส่ง",
        "copies are inside one file, so which one is meant is unclear"
      ),
    };
  const chosen = copies.filter((c) => prefer.has(c.file));
  if (chosen.length === 1)
    return { kind: "chosen", keep: chosen[0], superseded: copies.filter((c) => c !== chosen[0]) };
  if (copies.some((c) => !c.saved))
    return {
      kind: "refused",
      why: msg(
        "ไม่ทราบเวลาบันทึกของทุกไฟล์ จึงบอกไม่ได้ว่าฉบับใดส่งภายหลัง",
        "the saved time of every file is not known, so which one came later is unclear"
      ),
    };
  // A time the file keeps in itself and one the disk gave it are not on one clock: a copy written by
  // a program that keeps no time (ita's own, before Excel saves it) and downloaded or copied again
  // looks newer than the correction saved in Excel. Which came later is then not told, but asked.
  if (new Set(copies.map((c) => c.saved!.source)).size > 1)
    return {
      kind: "refused",
      why: msg(
        "เวลาบันทึกของบางไฟล์มาจากในไฟล์ และของบางไฟล์มาจากเวลาแก้ไขไฟล์ในเครื่อง ซึ่งเทียบกันไม่ได้ จึงบอกไม่ได้ว่าฉบับใดส่งภายหลัง: เลือกฉบับที่จะใช้ในบานหน้าต่าง หรือนำฉบับที่ไม่ใช้ออกจากไฟล์ที่รวม",
        "some files give their saved time themselves and others only the disk's modification time, which do not compare, so which one came later is unclear: choose the copy to use in the pane, or take the other out of the files to merge"
      ),
    };
  // To the second, as the times are shown: copies a few milliseconds apart (copied or downloaded
  // together) are saved at the same time as far as anyone can tell, not one after the other.
  const time = (c: T) => Math.floor(Date.parse(c.saved!.at) / 1000);
  const latest = Math.max(...copies.map(time));
  const top = copies.filter((c) => time(c) === latest);
  if (top.length > 1) {
    const s = top[0].saved!;
    const src = sourceMsg(s);
    return {
      kind: "refused",
      why: msg(
        `บันทึกเวลาเดียวกัน (${src.th} ${formatSaved(s)}) จึงบอกไม่ได้ว่าฉบับใดเป็นฉบับแก้ไข กรุณาส่งมาเพียงฉบับเดียว`,
        `saved at the same time (${src.en} ${formatSaved(s)}), so which one is the correction is unclear; send only one`
      ),
    };
  }
  return { kind: "latest", keep: top[0], superseded: copies.filter((c) => c !== top[0]) };
}

/** Why a copy was superseded, for the status sheet and the pane. */
export function supersededNote(
  old: Candidate,
  by: Candidate,
  kind: "latest" | "chosen",
  label: string
): Msg {
  const name = (c: Candidate) => baseName(c.file);
  const where = old.file === by.file ? "" : name(by);
  if (kind === "chosen")
    return msg(
      `${label}: ผู้ใช้เลือกใช้ไฟล์ ${where} แทนไฟล์นี้`,
      `${label}: the user chose ${where} instead of this file`
    );
  const sOld = old.saved!;
  const sBy = by.saved!;
  return msg(
    `${label}: มีฉบับที่บันทึกภายหลัง (${where}, ${sourceMsg(sBy).th} ${formatSaved(sBy)}) ใช้แทนฉบับนี้ (${sourceMsg(sOld).th} ${formatSaved(sOld)})`,
    `${label}: superseded by the later ${where} (${sourceMsg(sBy).en} ${formatSaved(sBy)}; this one ${formatSaved(sOld)})`
  );
}
