/** A report sent again (a correction): the later save is merged, the earlier listed as superseded. */
import { promises as fs } from "fs";
import path from "path";
import { buildSummary, DEFAULT_FORM, mergeForms, SUMMARY_SHEETS } from "../../src/domain";
import { readSubmissions } from "../../src/cli/merge";
import { runCli, tmpDir } from "../helpers";
import { districtReport, patchPart, writeDistrict } from "./districts";

/** A core properties part as Excel writes it, saved at `modified`. */
const coreXml = (modified: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
  `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
  `<dc:creator>เขต</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">2026-10-01T02:00:00Z</dcterms:created>` +
  `<dcterms:modified xsi:type="dcterms:W3CDTF">${modified}</dcterms:modified></cp:coreProperties>`;

/** A district file saved (by its own properties) at `modified`. */
async function savedAt(
  dir: string,
  name: string,
  code: string,
  modified: string,
  round: 6 | 12 = 6
) {
  const tmp = await writeDistrict(dir, `.${name}.tmp`, { ...districtReport(code), round });
  const file = await patchPart(tmp, path.join(dir, name), "docProps/core.xml", () =>
    coreXml(modified)
  );
  await fs.unlink(tmp);
  return file;
}

const touch = (file: string, iso: string) => fs.utimes(file, new Date(iso), new Date(iso));

/**
 * Two copies of Chom Thong's report written by ita (dcterms:modified 1970-01-01, which says nothing),
 * modified on the file system at `aAt` and `bAt`. They differ (a corrected preparer): the same
 * content twice would be one file read once.
 */
async function twoCopies(dir: string, aAt: string, bAt: string): Promise<[string, string]> {
  const a = await writeDistrict(dir, "a.xlsx", districtReport("1035"));
  const b = await writeDistrict(dir, "b.xlsx", {
    ...districtReport("1035"),
    preparer: "นายแก้ไข ก่อนหน้า",
  });
  await touch(a, aAt);
  await touch(b, bAt);
  return [a, b];
}
const base = (f: string) => path.basename(f);

describe("resubmissions", () => {
  it("merges the later saved file (its own saved time, not the file's) and lists the earlier as superseded", async () => {
    const dir = await tmpDir();
    // The correction sorts first by name and has the older file time: only dcterms:modified tells.
    const later = await savedAt(dir, "ct-a.xlsx", "1035", "2026-11-03T02:00:00Z");
    const earlier = await savedAt(dir, "ct-b.xlsx", "1035", "2026-11-01T09:30:00+07:00");
    await touch(later, "2026-11-01T00:00:00Z");
    await touch(earlier, "2026-11-05T00:00:00Z");
    await writeDistrict(dir, "dusit.xlsx", districtReport("1002"));
    const out = path.join(dir, "out", "s.xlsx");
    await fs.mkdir(path.dirname(out));
    const res = await runCli("merge", dir, "-o", out, "--expect", "none", "--json");
    expect(res.code).toBe(0);
    const json = JSON.parse(res.out);
    expect(json.duplicates).toEqual([]);
    expect(json.rejected).toEqual([]);
    expect(json.merged.map((m: { file: string }) => base(m.file))).toEqual([
      "dusit.xlsx",
      "ct-a.xlsx",
    ]);
    expect(json.superseded).toEqual([
      expect.objectContaining({
        file: earlier,
        by: later,
        unit: "สำนักงานเขตจอมทอง",
        round: 6,
        savedAt: "2026-11-01T02:30:00.000Z",
        bySavedAt: "2026-11-03T02:00:00.000Z",
        reason: "latest",
      }),
    ]);
    const text = await runCli("merge", dir, "-o", out, "--expect", "none");
    expect(text.out).toMatch(/superseded: 1 · /);
    expect(text.out).toMatch(/superseded {2}ct-b\.xlsx → ct-a\.xlsx/);
  });

  it("does not take a later copy in a file named for another district for a correction", async () => {
    const dir = await tmpDir();
    // หนองจอก's own file, then its report again in a file named for ภาษีเจริญ, saved a day later.
    const own = await savedAt(dir, "1003-หนองจอก.xlsx", "1003", "2026-09-20T03:00:00Z");
    const misnamed = await savedAt(dir, "1022-ภาษีเจริญ.xlsx", "1003", "2026-09-21T03:00:00Z");
    const r = mergeForms(await readSubmissions([own, misnamed]), {
      formDef: DEFAULT_FORM,
      expect: "districts",
    });
    expect(r.merged).toEqual([]);
    expect(r.superseded).toEqual([]);
    expect(r.duplicates).toEqual([{ unit: "สำนักงานเขตหนองจอก", files: [own, misnamed] }]);
    expect(r.rejected.map((x) => [base(x.file), x.reason.en])).toEqual([
      [
        "1003-หนองจอก.xlsx",
        "Duplicate: สำนักงานเขตหนองจอก round 6 year 2567 came in more than one file (1022-ภาษีเจริญ.xlsx); not merged: 1022-ภาษีเจริญ.xlsx, named for Phasi Charoen, holds Nong Chok's report, which came in 1003-หนองจอก.xlsx too, so it is not taken for a correction: check with the units, then choose the copy to use or take the other out",
      ],
      [
        "1022-ภาษีเจริญ.xlsx",
        "Duplicate: สำนักงานเขตหนองจอก round 6 year 2567 came in more than one file (1003-หนองจอก.xlsx); not merged: 1022-ภาษีเจริญ.xlsx, named for Phasi Charoen, holds Nong Chok's report, which came in 1003-หนองจอก.xlsx too, so it is not taken for a correction: check with the units, then choose the copy to use or take the other out",
      ],
    ]);
    // The user's choice is taken; a later copy of the unit's own file name is still a correction.
    const chosen = mergeForms(await readSubmissions([own, misnamed]), {
      formDef: DEFAULT_FORM,
      expect: "districts",
      prefer: [misnamed],
    });
    expect(chosen.merged.map((m) => base(m.file))).toEqual(["1022-ภาษีเจริญ.xlsx"]);
    const again = await savedAt(dir, "1003-หนองจอก-แก้ไข.xlsx", "1003", "2026-09-22T03:00:00Z");
    const fixed = mergeForms(await readSubmissions([own, again]), {
      formDef: DEFAULT_FORM,
      expect: "districts",
    });
    expect(fixed.merged.map((m) => base(m.file))).toEqual(["1003-หนองจอก-แก้ไข.xlsx"]);
  });

  it("falls back to the file's modification time when the file gives none (or a placeholder)", async () => {
    const [a, b] = await twoCopies(await tmpDir(), "2026-11-10T08:00:00Z", "2026-11-09T08:00:00Z");
    const subs = await readSubmissions([a, b]);
    expect(subs.map((s) => s.saved)).toEqual([
      { at: "2026-11-10T08:00:00.000Z", source: "filesystem" },
      { at: "2026-11-09T08:00:00.000Z", source: "filesystem" },
    ]);
    const r = mergeForms(subs, { formDef: DEFAULT_FORM, expect: "districts" });
    expect(r.merged.map((m) => m.file)).toEqual([a]);
    expect(r.superseded.map((x) => [x.file, x.by])).toEqual([[b, a]]);
    expect(r.missing.map((u) => u.code)).not.toContain("1035");
    expect(r.superseded[0].note.th).toMatch(/เวลาแก้ไขไฟล์ 2026-11-10 15:00:00 \(UTC\+7\)/);
  });

  it("does not tell which came later between a time kept in the file and one the disk gave", async () => {
    const dir = await tmpDir();
    // The correction, saved in Excel at 09:42; the original written by ita (no time of its own)
    // and downloaded again later, so that its file time is the newer.
    const corrected = await savedAt(dir, "1035-corrected.xlsx", "1035", "2026-11-03T02:42:00Z");
    const original = await writeDistrict(dir, "1035.xlsx", districtReport("1035"));
    await touch(original, "2026-11-04T00:00:00Z");
    const subs = await readSubmissions([original, corrected]);
    expect(subs.map((x) => x.saved?.source)).toEqual(["filesystem", "properties"]);
    const r = mergeForms(subs, { formDef: DEFAULT_FORM, expect: "districts" });
    expect(r.merged).toEqual([]);
    expect(r.superseded).toEqual([]);
    expect(r.duplicates.map((d) => d.files)).toEqual([[original, corrected]]);
    // Chosen by the user, it is merged.
    const chosen = mergeForms(subs, {
      formDef: DEFAULT_FORM,
      expect: "districts",
      prefer: [corrected],
    });
    expect(chosen.merged.map((m) => m.file)).toEqual([corrected]);
  });

  it("shows the superseded file on the status sheet, next to the unit's merged file", async () => {
    const dir = await tmpDir();
    const later = await savedAt(dir, "new.xlsx", "1035", "2026-11-03T02:00:00Z");
    const earlier = await savedAt(dir, "old.xlsx", "1035", "2026-11-02T02:00:00Z");
    const bma = districtReport("1002");
    bma.unit = "สำนักงบประมาณกรุงเทพมหานคร";
    bma.unitCode = null;
    const b1 = await writeDistrict(dir, "bma-1.xlsx", bma);
    const b2 = await writeDistrict(dir, "bma-2.xlsx", { ...bma, preparer: "นางสาวแก้ไข ภายหลัง" });
    await touch(b1, "2026-11-01T00:00:00Z");
    await touch(b2, "2026-11-02T00:00:00Z");
    const r = mergeForms(await readSubmissions([earlier, later, b1, b2]), {
      formDef: DEFAULT_FORM,
      expect: "districts",
    });
    const sheet = buildSummary(r).find((s) => s.name === SUMMARY_SHEETS.status)!;
    const rows = sheet.rows.map((x) => x.cells);
    const ct = rows.filter((c) => c[1] === "สำนักงานเขตจอมทอง");
    expect(ct.map((c) => [c[2], c[3]])).toEqual([
      ["ได้รับแล้ว", "new.xlsx"],
      ["มีฉบับใหม่แทน", "old.xlsx"],
    ]);
    // The note in Thai only, as the sheet is (the command line says it in both languages).
    expect(ct[1][9]).toBe(
      "สำนักงานเขตจอมทอง: มีฉบับที่บันทึกภายหลัง (new.xlsx, เวลาบันทึกในไฟล์ 2026-11-03 09:00:00 (UTC+7)) ใช้แทนฉบับนี้ (เวลาบันทึกในไฟล์ 2026-11-02 09:00:00 (UTC+7))"
    );
    // A unit beyond the districts: the same, under its name.
    const bmaRows = rows.filter((c) => c[1] === "สำนักงบประมาณกรุงเทพมหานคร");
    expect(bmaRows.map((c) => [c[2], c[3]])).toEqual([
      ["ได้รับแล้ว", "bma-2.xlsx"],
      ["มีฉบับใหม่แทน", "bma-1.xlsx"],
    ]);
    expect(sheet.subtitle).toMatch(/มีฉบับใหม่แทน 2 ไฟล์/);
  });

  it("takes copies a few milliseconds apart (copied together) as saved at the same time", async () => {
    // The same second as shown (15:00:41 UTC+7), 12 ms apart: which one is later is not to be told.
    const [a, b] = await twoCopies(
      await tmpDir(),
      "2026-11-10T08:00:41.958Z",
      "2026-11-10T08:00:41.970Z"
    );
    const r = mergeForms(await readSubmissions([a, b]), {
      formDef: DEFAULT_FORM,
      expect: "districts",
    });
    expect(r.merged.map((m) => m.file)).toEqual([]);
    expect(r.superseded).toEqual([]);
    expect(r.rejected.map((x) => x.reason.en)).toEqual([
      expect.stringMatching(
        /saved at the same time \(file modification time 2026-11-10 15:00:41 \(UTC\+7\)\)/
      ),
      expect.stringMatching(/saved at the same time/),
    ]);
  });

  it("refuses both when they were saved at the same time, saying so", async () => {
    const dir = await tmpDir();
    await savedAt(dir, "ct-1.xlsx", "1035", "2026-11-03T02:00:00Z");
    await savedAt(dir, "ct-2.xlsx", "1035", "2026-11-03T09:00:00+07:00");
    await writeDistrict(dir, "dusit.xlsx", districtReport("1002"));
    const res = await runCli("merge", dir, "-o", path.join(dir, "s.xlsx"), "--json");
    expect(res.code).toBe(3);
    const json = JSON.parse(res.out);
    expect(json.superseded).toEqual([]);
    expect(json.duplicates).toEqual(["สำนักงานเขตจอมทอง"]);
    expect(json.rejected.map((x: { file: string }) => base(x.file)).sort()).toEqual([
      "ct-1.xlsx",
      "ct-2.xlsx",
    ]);
    expect(json.rejected[0].reason.en).toMatch(
      /came in more than one file \(ct-2\.xlsx\); not merged: saved at the same time \(saved time in the file 2026-11-03 09:00:00 \(UTC\+7\)\)/
    );
    expect(json.rejected[0].reason.th).toMatch(/บันทึกเวลาเดียวกัน/);
    // Listed as a duplicate on the status sheet, not as missing.
    expect(json.missing).not.toContain("สำนักงานเขตจอมทอง");
  });

  it("takes the file the user chose instead of the later one", async () => {
    const dir = await tmpDir();
    const later = await savedAt(dir, "new.xlsx", "1035", "2026-11-03T02:00:00Z");
    const earlier = await savedAt(dir, "old.xlsx", "1035", "2026-11-02T02:00:00Z");
    const subs = await readSubmissions([later, earlier]);
    const r = mergeForms(subs, { formDef: DEFAULT_FORM, expect: "none", prefer: [earlier] });
    expect(r.merged.map((m) => m.file)).toEqual([earlier]);
    expect(r.superseded.map((x) => [x.file, x.by, x.reason])).toEqual([[later, earlier, "chosen"]]);
    expect(r.superseded[0].note.en).toMatch(/the user chose old\.xlsx instead of this file/);
  });
});
