import { strFromU8, unzipSync } from "fflate";
import { promises as fs } from "fs";
import path from "path";
import { syntheticReport } from "../../src/cli/sampleData";
import {
  buildCentralReport,
  DEFAULT_FORM,
  DEFAULT_OFFICE,
  findDistrict,
  matchUnitMeasures,
  mergeForms,
  numbersInText,
  Report,
  Submission,
} from "../../src/domain";
import { reportDocxBytes } from "../../src/docx/reportDocx";
import { formOf, runCli, sampleReport, tmpDir } from "../helpers";
import { writeDistrict } from "../merge/districts";

const I1 = DEFAULT_FORM.byCode.get("I1")!.standardMeasures;

function district(code: string, edit?: (r: Report) => void): Report {
  const r = syntheticReport(sampleReport(), DEFAULT_FORM, findDistrict(code)!, Number(code));
  for (const it of r.items) {
    it.measures = "";
    it.results = "";
  }
  edit?.(r);
  return r;
}

const set = (r: Report, code: string, measures: string, results = "", score?: number) => {
  const it = r.items.find((i) => i.code === code)!;
  it.measures = measures;
  it.results = results;
  if (score !== undefined) it.score = score;
};

function mergeOf(reports: Report[]) {
  const subs: Submission[] = reports.map((r, i) => ({ file: `f${i}.xlsx`, form: formOf(r) }));
  return mergeForms(subs, { formDef: DEFAULT_FORM, expect: "districts" });
}

describe("units' measures by measure group", () => {
  const bangna = district("1047", (r) =>
    set(r, "I1", `- ${I1[0]}\n- ${I1[1]}`, "- ผู้เข้าร่วมประชุม 45 คน เมื่อวันที่ 12 มกราคม 2567")
  );
  const phraNakhon = district("1001", (r) => {
    set(r, "I1", `1. ${I1[0]}\n2. ${I1[1]}`, "1. เผยแพร่แล้ว\n2. ประชุม 2 ครั้ง ผู้เข้าร่วม 30 คน");
    set(r, "I25", "ดำเนินการตามมาตรการในข้อ I21");
    set(r, "E8", "จัดกิจกรรมปลูกต้นไม้และทำความสะอาดคลองร่วมกับชุมชนในพื้นที่เขต");
  });
  const dusit = district("1002", (r) => {
    set(r, "I1", `๑. ${I1[1]}`);
    set(r, "E8", "- จัดกิจกรรมปลูกต้นไม้ และทำความสะอาดคลองร่วมกับชุมชนในพื้นที่");
  });
  const groups = matchUnitMeasures(mergeOf([bangna, phraNakhon, dusit]));
  const g = (code: string) => groups.find((x) => x.group === code)!;

  it("has one group per shared set of measures, with its member items", () => {
    expect(g("I1").items.map((i) => i.code)).toEqual(["I1", "I2", "I3", "I4"]);
    expect(groups.find((x) => x.group === "I2")).toBeUndefined();
  });

  it("counts each unit once per measure group, whatever the bullets or numbering", () => {
    expect(g("I1").standard[0].units.map((u) => u.unit)).toEqual([
      "สำนักงานเขตพระนคร",
      "สำนักงานเขตบางนา",
    ]);
    expect(g("I1").standard[1].units).toHaveLength(3);
    expect(g("I1").unitsWithText).toBe(3);
    expect(g("I1").own).toEqual([]);
  });

  it("pairs each numbered result with its measure", () => {
    const pn = g("I1").standard[1].units.find((u) => u.unit === "สำนักงานเขตพระนคร")!;
    expect(pn.result).toBe("ประชุม 2 ครั้ง ผู้เข้าร่วม 30 คน");
  });

  it("resolves a reference to another group instead of counting it as a measure", () => {
    expect(g("I25").references).toEqual([{ unit: "สำนักงานเขตพระนคร", to: "I21" }]);
    // The form's two standard measures of I25, neither carried out by a unit.
    expect(g("I25").standard.map((s) => s.units)).toEqual([[], []]);
    expect(g("I25").own).toEqual([]);
  });

  it("lists measures the form does not have as the units' own, alike ones together", () => {
    expect(g("E8").own).toHaveLength(1);
    expect(g("E8").own[0].map((u) => u.unit)).toEqual(["สำนักงานเขตพระนคร", "สำนักงานเขตดุสิต"]);
  });

  it("finds people, times and dates in results text", () => {
    expect(numbersInText("ประชุม ๒ ครั้ง ผู้เข้าร่วม 1,200 คน วันที่ 5 ก.พ. 2567")).toEqual({
      people: [1200],
      times: [2],
      dates: ["5 ก.พ. 2567"],
    });
  });
});

describe("the central report model", () => {
  const low = district("1047", (r) => {
    set(r, "I1", `- ${I1[0]}`, "- ผู้เข้าร่วม 45 คน", 80.5);
  });
  const other = district("1001", (r) => set(r, "I1", `1. ${I1[0]}`, "1. ผู้เข้าร่วม 30 คน"));
  const report = buildCentralReport(mergeOf([low, other]));

  it("has the fiscal year and round in the title, and the units reported and missing", () => {
    expect(report.title).toContain("ประจำปีงบประมาณ พ.ศ. 2567 รอบ 6 เดือน");
    expect(report.opening.join(" ")).toContain("2 หน่วยงาน");
    expect(report.opening.join(" ")).toContain("ยังไม่ได้รับรายงานจาก 48 หน่วยงาน");
    expect(report.missing).toContain("สำนักงานเขตดุสิต");
    expect(report.closing).toEqual([DEFAULT_OFFICE]);
  });

  it("goes tool → indicator → group → standard measure, numbered within the indicator", () => {
    expect(report.tools.map((t) => t.heading.slice(-4))).toEqual(["IIT)", "EIT)", "OIT)"]);
    const ind1 = report.tools[0].indicators[0];
    expect(ind1.heading).toBe("ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่");
    expect(ind1.groups[0].heading).toBe("ข้อ I1–I4");
    expect(ind1.groups[0].rows.map((r) => r.number)).toEqual(["1.1", "1.2", "1.3", "1.4", "1.5"]);
    const row = ind1.groups[0].rows[0];
    expect(row.summary[0]).toBe("ดำเนินการ 2 จาก 2 หน่วยงาน");
    expect(row.summary.join(" ")).toContain("ผู้เข้าร่วมรวม 75 คน (2 หน่วยงานระบุ)");
    expect(row.outcomes[0]).toMatch(/^- สำนักงานเขต(พระนคร|บางนา) ผู้เข้าร่วม/);
    expect(ind1.groups[0].rows[1].summary[0]).toBe("ดำเนินการ 0 จาก 2 หน่วยงาน");
  });

  it("lists the items under the pass mark with what those units did", () => {
    const below = report.tools[0].indicators[0].belowPass.find((b) => b.label.startsWith("I1 "))!;
    expect(below.units).toEqual([{ unit: "สำนักงานเขตบางนา", score: 80.5, did: `- ${I1[0]}` }]);
  });

  it("gives an item under the pass mark its measure group's measures when it has none of its own", () => {
    const r = district("1047", (x) => {
      set(x, "I1", `- ${I1[0]}`);
      x.items.find((i) => i.code === "I2")!.score = 70;
    });
    const below = buildCentralReport(mergeOf([r])).tools[0].indicators[0].belowPass;
    const i2 = below.find((b) => b.label.startsWith("I2 "))!;
    expect(i2.units[0].did).toBe(`- ${I1[0]}`);
  });

  it("takes the compiling office as an option and counts units that matched", () => {
    const r = buildCentralReport(mergeOf([low, other]), { office: "สำนักงานทดสอบ" });
    expect(r.closing).toEqual(["สำนักงานทดสอบ"]);
    expect(r.opening[1].startsWith("สำนักงานทดสอบ ได้รวบรวม")).toBe(true);
    expect(r.stats.unitsMatched).toBe(2);
  });

  it("writes a Word document: TH Sarabun New 16 pt, A4 portrait, header row repeated", async () => {
    const files = unzipSync(await reportDocxBytes(report));
    const doc = strFromU8(files["word/document.xml"]);
    const styles = strFromU8(files["word/styles.xml"]);
    expect(styles).toContain('w:cs="TH Sarabun New"');
    expect(styles).toMatch(/<w:szCs w:val="32"\/>/);
    expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(doc).toContain("<w:tblHeader/>");
    expect(doc).toContain("ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่");
    expect(doc).toContain(report.title);
  });

  it("keeps a group's heading row on the page of its first measure", async () => {
    const doc = strFromU8(unzipSync(await reportDocxBytes(report))["word/document.xml"]);
    const rows = doc.split(/<w:tr[ >]/).slice(1);
    const groups = report.tools.flatMap((t) => t.indicators.flatMap((i) => i.groups));
    const headingRows = rows.filter((r) => groups.some((g) => r.includes(`>${g.heading}<`)));
    expect(headingRows.length).toBe(groups.length);
    for (const r of headingRows) expect(r).toContain("<w:keepNext/>");
  });
});

describe("ita merge --report", () => {
  it("writes the report next to the summary, and refuses the summary's own name", async () => {
    const dir = await tmpDir();
    await writeDistrict(
      dir,
      "a.xlsx",
      district("1001", (r) => set(r, "I1", `1. ${I1[0]}`))
    );
    const out = path.join(dir, "out");
    const ok = await runCli(
      "merge",
      dir,
      "-o",
      path.join(out, "s.xlsx"),
      "--report",
      path.join(out, "r.docx")
    );
    expect(ok.code).toBe(0);
    const bytes = await fs.readFile(path.join(out, "r.docx"));
    expect(strFromU8(unzipSync(bytes)["word/document.xml"])).toContain("สำนักงานเขตพระนคร");
    const same = await runCli(
      "merge",
      dir,
      "-o",
      path.join(out, "x.xlsx"),
      "--report",
      path.join(out, "x.xlsx")
    );
    // A usage error: exit 2 (README), and nothing written under that name.
    expect(same.code).toBe(2);
    expect(same.err).toContain("must not be the summary file");
    await expect(fs.access(path.join(out, "x.xlsx"))).rejects.toThrow(/ENOENT/);
  });
});
