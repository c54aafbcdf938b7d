import { strFromU8, unzipSync } from "fflate";
import { promises as fs } from "fs";
import path from "path";
import { syntheticReport } from "../../src/domain/sampleData";
import {
  buildCentralReport,
  CentralReport,
  DEFAULT_FORM,
  DEFAULT_OFFICE,
  DISTRICTS,
  findDistrict,
} from "../../src/domain";
import { reportDocxBytes } from "../../src/docx/reportDocx";
import { reportTrace } from "../../src/domain/report/trace";
import { runCli, sampleReport, tmpDir } from "../helpers";
import { district, mergeOf, set } from "./units";
import { writeDistrict } from "../merge/districts";

const I1 = DEFAULT_FORM.byCode.get("I1")!.standardMeasures;
const I21 = DEFAULT_FORM.byCode.get("I21")!.standardMeasures;

/** Every string of the report (its rows, lines and headings), for checks over all of it. */
function allText(r: CentralReport): string[] {
  const out: string[] = [];
  const walk = (x: unknown) => {
    if (typeof x === "string") out.push(x);
    else if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === "object") Object.values(x).forEach(walk);
  };
  walk({ ...r, unitNames: [] });
  return out;
}

const manual = "เผยแพร่ประชาสัมพันธ์คู่มือ/มาตรฐานการปฏิบัติงานของหน่วยงานให้ผู้ปฏิบัติงานรับทราบ";

describe("what each measure says: sentences from the units' own words", () => {
  const units = [
    district("1001", (r) =>
      set(r, "I1", `1. ${I1[0]}`, `1. ดำเนินการ${manual} ผ่านเพจ Facebook ของสำนักงานเขต`)
    ),
    district("1002", (r) =>
      set(r, "I1", `1. ${I1[0]}`, `1. ดำเนินการ${manual} ในกลุ่ม LINE ของเจ้าหน้าที่`)
    ),
    district("1040", (r) => set(r, "I1", `1. ${I1[0]}`, `1. ดำเนินการ${manual}`)),
    district("1047", (r) =>
      set(
        r,
        "I1",
        `1. ${I1[0]}`,
        `1. ดำเนินการ${manual} และระบบ e-service ในช่องทางใหม่ของสำนักงานเขต คือ แอปพลิเคชัน TikTok`
      )
    ),
  ];
  const report = buildCentralReport(mergeOf(units));
  const row = report.tools[0].indicators[0].groups[0].rows[0];

  it("says who did it and what they all did, in one sentence", () => {
    expect(row.number).toBe("1.1");
    expect(row.summary).toEqual([`- ทุกหน่วยงานที่ส่งรายงาน (4 หน่วยงาน) ได้${manual}`]);
  });

  it("gives the telling examples, each under its unit's name, and leaves out the unit that said nothing more", () => {
    // The most telling first (TikTok's unit said the most the others did not), then in code order.
    expect(row.outcomes).toEqual([
      `- สำนักงานเขตบางนา ${manual} และระบบ e-service ในช่องทางใหม่ของสำนักงานเขต คือ แอปพลิเคชัน TikTok`,
      `- สำนักงานเขตพระนคร ${manual} ผ่านเพจ Facebook ของสำนักงานเขต`,
      `- สำนักงานเขตดุสิต ${manual} ในกลุ่ม LINE ของเจ้าหน้าที่`,
    ]);
  });

  it("says what most did, naming the few others, when not all say it in the same words", () => {
    const r = buildCentralReport(
      mergeOf([
        district("1001", (x) => set(x, "I1", `1. ${I1[0]}`, `1. ดำเนินการ${manual}`)),
        district("1002", (x) =>
          set(
            x,
            "I1",
            `1. ${I1[0]}`,
            // The same words but for the slash: not the others' phrase.
            `1. ${manual.replace("/", "")}`
          )
        ),
        district("1040", (x) => set(x, "I1", `1. ${I1[0]}`, `1. ดำเนินการ${manual}`)),
      ])
    );
    expect(r.tools[0].indicators[0].groups[0].rows[0].summary).toEqual([
      `- ทุกหน่วยงานที่ส่งรายงาน (3 หน่วยงาน) รายงานผลการดำเนินการตามมาตรการนี้ โดยทุกหน่วยงานข้างต้น ยกเว้นสำนักงานเขตดุสิต ได้${manual} ส่วนสำนักงานเขตดุสิต รายงานผลตามมาตรการนี้โดยระบุรายละเอียดต่างออกไป`,
    ]);
  });

  it("shows a long result by its first phrase and its own words, cut only between phrases", () => {
    const detail =
      "ในการประชุมหัวหน้าฝ่ายประจำเดือน เมื่อวันที่ 15 มกราคม 2567 มีผู้เข้าร่วม 42 คน ณ ห้องประชุมสำนักงานเขตชั้น 3";
    const r = buildCentralReport(
      mergeOf([
        district("1001", (x) => set(x, "I1", `1. ${I1[1]}`, `1. ${I1[1]} ${detail}`)),
        district("1002", (x) => set(x, "I1", `1. ${I1[1]}`, `1. ${I1[1]}`)),
      ])
    );
    const out = r.tools[0].indicators[0].groups[0].rows[1].outcomes;
    // The measure's words in between are left out, marked "…" between two phrases.
    expect(out).toEqual([`- สำนักงานเขตพระนคร มีการจัดประชุมชี้แจง … ${detail}`]);
  });

  it("never adds up figures across units: each number stays with the unit that wrote it", () => {
    const r = buildCentralReport(
      mergeOf([
        district("1001", (x) =>
          set(x, "I1", `1. ${I1[1]}`, `1. ${I1[1]} มีผู้เข้าร่วม 30 คน จำนวน 2 ครั้ง`)
        ),
        district("1002", (x) =>
          set(x, "I1", `1. ${I1[1]}`, `1. ${I1[1]} มีผู้เข้าร่วม 45 คน จำนวน 1 ครั้ง`)
        ),
      ])
    );
    const text = allText(r).join("\n");
    expect(text).not.toMatch(/\b75\b|รวม \d|3 ครั้ง/);
    const lines = allText(r).filter((l) => /\d+ คน/.test(l));
    // Their examples differ only in their figures: one line, each unit with its own.
    expect(lines).toEqual([
      "- สำนักงานเขตพระนคร และดุสิต มีการจัดประชุมชี้แจง ดังนี้ พระนคร มีผู้เข้าร่วม 30 คน จำนวน 2 ครั้ง; ดุสิต มีผู้เข้าร่วม 45 คน จำนวน 1 ครั้ง",
    ]);
  });
});

describe("the units' own work, each text once", () => {
  const cleaning = "จัดกิจกรรม Big Cleaning Day ร่วมกับชุมชนในพื้นที่ มีผู้เข้าร่วม 120 คน";
  const merged = mergeOf([
    district("1001", (x) => {
      set(x, "I1", `1. ${I1[0]}`, `1. ${I1[0]}\n2. ${cleaning}`);
      set(x, "I5", "1. จัดกิจกรรม", `1. ${cleaning}`);
    }),
    district("1002", (x) => set(x, "I1", `1. ${I1[0]}`, `1. ${I1[0]}`)),
  ]);
  const r = buildCentralReport(merged);
  const ind1 = r.tools[0].indicators[0];

  it("puts work beyond the form's measures in a row of its own, under the unit's name", () => {
    const own = ind1.groups[0].rows[5];
    expect([own.number, own.kind]).toEqual(["", "own"]);
    expect(own.summary).toEqual([
      "- สำนักงานเขตพระนคร รายงานการดำเนินการของหน่วยงานเองเพิ่มเติม (รายละเอียดในช่องผลลัพธ์)",
    ]);
    expect(own.outcomes).toEqual([`- สำนักงานเขตพระนคร ${cleaning}`]);
  });

  it("points to where a text is printed instead of printing it again", () => {
    const i5own = ind1.groups[1].rows.find((x) => x.kind === "own")!;
    expect(i5own.outcomes).toEqual([
      "- สำนักงานเขตพระนคร ดำเนินการตามที่กล่าวไว้ในการดำเนินการอื่นของข้อ I1–I4",
    ]);
    expect(allText(r).filter((t) => t.includes("Big Cleaning Day"))).toHaveLength(1);
  });

  it("leaves the form's measures their numbers: the row of other work has none", () => {
    // The form: I1–I4 has five measures (1.1–1.5), I5 three (1.6–1.8), I6–I7 four (1.9–1.12). I1–I4 and
    // I5 have a row of other work here; the numbers after them are those of a merge without it.
    expect(ind1.groups.map((g) => g.rows.map((x) => x.number))).toEqual([
      ["1.1", "1.2", "1.3", "1.4", "1.5", ""],
      ["1.6", "1.7", "1.8", ""],
      ["1.9", "1.10", "1.11", "1.12"],
    ]);
    // --json's trace the same, in the report's order.
    expect(
      reportTrace(merged)
        .measures.slice(0, 11)
        .map((m) => [m.number, m.kind, m.group])
    ).toEqual([
      ["1.1", "standard", "I1–I4"],
      ["1.2", "standard", "I1–I4"],
      ["1.3", "standard", "I1–I4"],
      ["1.4", "standard", "I1–I4"],
      ["1.5", "standard", "I1–I4"],
      [null, "own", "I1–I4"],
      ["1.6", "standard", "I5"],
      ["1.7", "standard", "I5"],
      ["1.8", "standard", "I5"],
      [null, "own", "I5"],
      ["1.9", "standard", "I6–I7"],
    ]);
  });
});

describe("labels, references and the items under the pass mark", () => {
  const r = buildCentralReport(
    mergeOf([
      // Under the pass mark on I22; its I21 results are measures 1 and 2; for I25 it points to I21.
      district("1001", (x) => {
        set(x, "I21", `1. ${I21[0]}\n2. ${I21[1]}`, `1. ${I21[0]}\n2. ${I21[1]}`, 90);
        set(x, "I22", "", "", 80.5);
        set(x, "I25", "ดำเนินการตามมาตรการในข้อ I21", "ดำเนินการตามมาตรการในข้อ I21", 81);
      }),
      // The same under the pass mark on I22, having done the same.
      district("1002", (x) => {
        set(x, "I21", `1. ${I21[0]}\n2. ${I21[1]}`, `1. ${I21[0]}\n2. ${I21[1]}`, 90);
        set(x, "I22", "", "", 84);
      }),
      // Under the pass mark on I22 and I23, nothing written.
      district("1006", (x) => {
        set(x, "I22", "", "", 70);
        set(x, "I23", "", "", 79.25);
      }),
    ])
  );
  const ind5 = r.tools[0].indicators[4];

  it("names groups by the form's codes, the OIT ranges whole", () => {
    expect(r.tools[2].indicators.map((i) => i.groups.map((g) => g.heading))).toEqual([
      ["ข้อ O1–O22"],
      ["ข้อ O23–O30"],
    ]);
    expect(ind5.groups.map((g) => g.heading)).toEqual(["ข้อ I21–I24", "ข้อ I25"]);
  });

  it("resolves 'as in item I21' to the measures the unit did there, by the report's numbers", () => {
    // Phra Nakhon did 5.1 and 5.2 in I21 (not the group's whole 5.1–5.5: a review read that range
    // as saying it did measures it had said it did not do).
    expect(ind5.groups[1].references).toEqual([
      "สำนักงานเขตพระนคร รายงานว่าได้ดำเนินการในข้อนี้ตามมาตรการของข้อ I21–I24 (มาตรการ 5.1 และ 5.2)",
    ]);
    // Nowhere is the unit's "ตามมาตรการในข้อ I21" printed as it stands.
    expect(allText(r).filter((t) => /ในข้อ [IEO]\d/.test(t))).toEqual([]);
  });

  it("says 'as in item I1' of a unit that did none of I1's measures without saying it did them", () => {
    const I8 = DEFAULT_FORM.byCode.get("I8")!.standardMeasures;
    const q = buildCentralReport(
      mergeOf([
        district("1012", (x) => {
          set(x, "I1", `1. ${I1[0]}`, "ยังไม่ได้ดำเนินการ");
          set(x, "I8", `1. ${I8[0]}`, "ดำเนินการตามข้อ I1");
        }),
      ])
    );
    const i8 = q.tools[0].indicators[1].groups.find((g) => g.heading === "ข้อ I8")!;
    expect(i8.references).toEqual([
      "สำนักงานเขตยานนาวา รายงานผลในข้อนี้โดยอ้างถึงข้อ I1–I4 ซึ่งไม่มีมาตรการที่นับว่าได้ดำเนินการแล้ว",
    ]);
    // Its results are that reference: never "planned, but no results reported" for I8's measures.
    expect(
      allText(q).filter((t) => t.includes("ยานนาวา") && t.includes("ยังไม่ได้รายงานผลการดำเนินการ"))
    ).toEqual([]);
  });

  it("gives in column 3 the words of the units column 2 says reported other details", () => {
    const I8 = DEFAULT_FORM.byCode.get("I8")!.standardMeasures;
    const q = buildCentralReport(
      mergeOf([
        ...["1001", "1002", "1005"].map((code) =>
          district(code, (x) => set(x, "I8", `1. ${I8[0]}`, `1. ${I8[0]}`))
        ),
        district("1030", (x) =>
          set(x, "I8", `1. ${I8[0]}`, "1. จัดประชุมชี้แจงงบประมาณแล้ว ไม่ได้จัดทำอินโฟกราฟิก")
        ),
      ])
    );
    const row = q.tools[0].indicators[1].groups.find((g) => g.heading === "ข้อ I8")!.rows[0];
    expect(row.summary[0]).toMatch(
      /ยกเว้นสำนักงานเขตจตุจักร .* ส่วนสำนักงานเขตจตุจักร รายงานผลตามมาตรการนี้โดยระบุรายละเอียดต่างออกไป$/
    );
    expect(row.outcomes).toEqual(["- สำนักงานเขตจตุจักร จัดประชุมชี้แจงงบประมาณแล้ว"]);
  });

  it("groups the units under the pass mark by what they did, each unit once, with their scores", () => {
    expect(ind5.belowPass).toEqual([
      {
        heading: "ข้อ I21–I24 (มาตรการ 5.1–5.5)",
        items: [
          {
            label: DEFAULT_FORM.byCode.get("I22")!.label,
            units:
              "สำนักงานเขตพระนคร 80.50 คะแนน, สำนักงานเขตดุสิต 84.00 คะแนน, สำนักงานเขตบางกะปิ 70.00 คะแนน",
          },
          { label: DEFAULT_FORM.byCode.get("I23")!.label, units: "สำนักงานเขตบางกะปิ 79.25 คะแนน" },
        ],
        lines: [
          "- สำนักงานเขตพระนคร และดุสิต ได้ดำเนินการตามมาตรการ 5.1 และ 5.2",
          "- สำนักงานเขตบางกะปิ ไม่ได้ระบุมาตรการหรือผลการดำเนินการของข้อนี้",
        ],
      },
      {
        heading: "ข้อ I25 (มาตรการ 5.6–5.7)",
        items: [
          { label: DEFAULT_FORM.byCode.get("I25")!.label, units: "สำนักงานเขตพระนคร 81.00 คะแนน" },
        ],
        lines: ["- สำนักงานเขตพระนคร ได้ดำเนินการตามมาตรการของข้อ I21–I24 (มาตรการ 5.1 และ 5.2)"],
      },
    ]);
  });
});

describe("the demo's report, read whole", () => {
  // The demo's four districts (results as districts write them) and Chom Thong.
  const base = sampleReport();
  const reports = [
    base,
    ...["1001", "1002", "1006", "1040"].map((c, i) =>
      syntheticReport(base, DEFAULT_FORM, findDistrict(c)!, i + 1, { results: "varied" })
    ),
  ];
  const report = buildCentralReport(mergeOf(reports));
  const text = allText(report);

  it("never cuts inside a word: every '…' stands between spaces, or ends a line after one", () => {
    const cuts = text.flatMap((t) =>
      [...t.matchAll(/…/g)].map((m) => t.slice(m.index! - 1, m.index! + 2))
    );
    expect(cuts.length).toBeGreaterThan(10);
    for (const c of cuts) expect([c, /^ …( |$)/.test(c)]).toEqual([c, true]);
  });

  it("prints nobody's text twice", () => {
    const examples = report.tools
      .flatMap((t) => t.indicators.flatMap((i) => i.groups.flatMap((g) => g.rows)))
      .flatMap((row) => row.outcomes)
      .filter((t) => /^- สำนักงานเขต\S+ /.test(t) && !t.includes("ตามที่กล่าวไว้ใน"));
    expect(examples.length).toBeGreaterThan(20);
    expect(new Set(examples).size).toBe(examples.length);
  });

  it("names only units that reported: the missing are listed, never counted", () => {
    const named = new Set(
      DISTRICTS.filter((d) => !["1001", "1002", "1006", "1035", "1040"].includes(d.code!)).map(
        (d) => d.th
      )
    );
    const inRows = report.tools.flatMap((t) =>
      t.indicators.flatMap((i) =>
        i.groups.flatMap((g) => g.rows.flatMap((x) => [...x.summary, ...x.outcomes]))
      )
    );
    for (const line of inRows)
      for (const name of named)
        expect([name, line.includes(`สำนักงานเขต${name}`)]).toEqual([name, false]);
  });
});

/** The Word report's body as written (`word/document.xml`), and its table rows one by one. */
const documentXml = async (report: CentralReport) =>
  strFromU8(unzipSync(await reportDocxBytes(report))["word/document.xml"]);
const tableRows = async (report: CentralReport) =>
  (await documentXml(report)).split(/<w:tr[ >]/).slice(1);

describe("the central report model", () => {
  const r = buildCentralReport(
    mergeOf([district("1047", (x) => set(x, "I1", `- ${I1[0]}`, `- ${I1[0]}`, 80.5))])
  );

  it("has the fiscal year and round in the title, and the units reported and missing", () => {
    expect(r.title).toContain("ประจำปีงบประมาณ พ.ศ. 2567 รอบ 6 เดือนแรก (ตุลาคม 2566 - มีนาคม 2567)");
    expect(r.opening[1]).toContain("จากรายงานของ 1 หน่วยงาน");
    expect(r.opening[1]).toContain("ยังไม่ได้รับรายงานจาก 49 หน่วยงาน");
    expect(r.missing).toMatch(/^หน่วยงานที่ยังไม่ได้ส่งรายงาน 49 หน่วยงาน ได้แก่ สำนักงานเขตพระนคร ดุสิต /);
    expect(r.closing).toEqual([DEFAULT_OFFICE]);
  });

  it("opens with what it opens ('… ดังนี้' last), and ends with the note, the units not heard from, then the office", async () => {
    expect(r.opening).toHaveLength(2);
    expect(r.opening[1].endsWith(" ดังนี้")).toBe(true);
    const doc = await documentXml(r);
    const at = (t: string) => doc.indexOf(t);
    const lastTable = doc.lastIndexOf("</w:tbl>");
    expect(at("หมายเหตุ หน่วยงานที่กล่าวถึงในแต่ละมาตรการ")).toBeGreaterThan(lastTable);
    expect(at("หน่วยงานที่ยังไม่ได้ส่งรายงาน 49 หน่วยงาน")).toBeGreaterThan(
      at("หมายเหตุ หน่วยงานที่กล่าวถึงในแต่ละมาตรการ")
    );
    expect(doc.lastIndexOf(DEFAULT_OFFICE)).toBeGreaterThan(
      at("หน่วยงานที่ยังไม่ได้ส่งรายงาน 49 หน่วยงาน")
    );
  });

  it("takes the compiling office as an option", () => {
    const o = buildCentralReport(
      mergeOf([district("1047", (x) => set(x, "I1", `- ${I1[0]}`, `- ${I1[0]}`))]),
      { office: "สำนักงานทดสอบ" }
    );
    expect(o.closing).toEqual(["สำนักงานทดสอบ"]);
    expect(o.opening[1].startsWith("สำนักงานทดสอบ ได้รวบรวม")).toBe(true);
  });

  it("writes a Word document: A4 landscape, TH Sarabun New 16 pt, header row repeated", async () => {
    const files = unzipSync(await reportDocxBytes(r));
    const doc = strFromU8(files["word/document.xml"]);
    const styles = strFromU8(files["word/styles.xml"]);
    expect(styles).toContain('w:cs="TH Sarabun New"');
    expect(styles).toMatch(/<w:szCs w:val="32"\/>/);
    // Landscape as the central office's summary is: the long side across.
    expect(doc).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
    expect(doc).toContain("<w:tblHeader/>");
    expect(doc).toContain("ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่");
    // The repetition mark kept with its word: "ต่าง ๆ" never leaves "ๆ" to start a line.
    expect(doc).toContain("ต่าง\u00a0ๆ");
    expect(doc).not.toMatch(/ ๆ/);
    // The tool's code kept with the word before it (no-break spaces): never alone on a line.
    expect(doc).toContain("(External Integrity and Transparency Assessment\u00a0:\u00a0EIT)");
    // Widow and orphan control on the table's paragraphs, as Word's Normal style has it: the
    // document's styles do not set it, so without it Word would leave one line under a header.
    const cellParas = doc
      .split("<w:tc>")
      .slice(1)
      .map((c) => c.split("<w:p>")[1] ?? "");
    expect(cellParas.length).toBeGreaterThan(50);
    expect(cellParas.filter((p) => !p.includes("<w:widowControl/>"))).toEqual([]);
  });

  it("keeps a group's heading with its first row: the heading row kept with the next, that row not split", async () => {
    const rows = await tableRows(r);
    const headings = r.tools.flatMap((t) =>
      t.indicators.flatMap((i) => i.groups.map((g) => g.heading))
    );
    const at = rows
      .map((x, k) => (headings.some((h) => x.includes(`>${h}<`)) ? k : -1))
      .filter((k) => k >= 0);
    expect(at).toHaveLength(headings.length);
    for (const k of at) {
      expect(rows[k]).toContain("<w:keepNext/>");
      // The row after: not split across pages (the whole row, or a first part of it when long).
      expect(rows[k + 1]).toContain("<w:cantSplit/>");
    }
  });

  it("keeps any row of up to 12 lines whole over a page break; a longer one may go on", async () => {
    const two: CentralReport = structuredClone(r);
    const g = two.tools[0].indicators[0].groups[0];
    g.rows[1] = { ...g.rows[1], summary: ["- แถวสั้น ได้จัดประชุมชี้แจง"], outcomes: ["-"] };
    g.rows[2] = {
      ...g.rows[2],
      // 40 × 56 characters in the summary's column: far more than 12 lines.
      summary: ["- แถวยาว " + "ได้จัดประชุมชี้แจงแนวทางการปฏิบัติงานแก่บุคลากรทุกระดับ ".repeat(40)],
      outcomes: ["-"],
    };
    const rows = await tableRows(two);
    const short = rows.find((x) => x.includes("แถวสั้น"))!;
    const long = rows.find((x) => x.includes("แถวยาว"))!;
    expect(short).toContain("<w:cantSplit/>");
    expect(long).not.toContain("<w:cantSplit/>");
  });

  it("sets a long first row's texts that go on at the foot of their first part, the others at its top", async () => {
    const long: CentralReport = structuredClone(r);
    const g = long.tools[0].indicators[0].groups[0];
    g.rows[0] = {
      ...g.rows[0],
      summary: ["- 47 หน่วยงาน " + "ได้จัดประชุมชี้แจงแนวทางการปฏิบัติงานแก่บุคลากรทุกระดับ ".repeat(12)],
      outcomes: ["- ไม่มีหน่วยงานใดรายงานรายละเอียดที่ต่างจากหน่วยงานอื่น"],
    };
    const rows = await tableRows(long);
    const k = rows.findIndex((x) => x.includes(`>${g.heading}<`));
    const bottom = (row: string) =>
      row
        .split(/<w:tc>/)
        .slice(1)
        .map((c) => c.includes('<w:vAlign w:val="bottom"/>'));
    // The first part (kept with the heading): the measure (five lines) and the summary go on in the
    // row below, so a line the app counts otherwise falls above them, not mid-sentence; the
    // outcomes end in it, at its top.
    expect(bottom(rows[k + 1])).toEqual([true, true, false]);
    expect(bottom(rows[k + 2])).toEqual([false, false, false]);
    expect(rows[k + 2]).toContain("ได้จัดประชุม");
  });

  it("goes on in the row below at a space, not between two parts of a word ('ดำเนิน|การ')", async () => {
    const long: CentralReport = structuredClone(r);
    const g = long.tools[0].indicators[0].groups[0];
    g.rows[0] = {
      ...g.rows[0],
      summary: [
        "- 47 หน่วยงาน " + "ได้ดำเนินการจัดประชุมชี้แจงแนวทางการปฏิบัติงานแก่บุคลากรทุกระดับ ".repeat(12),
      ],
    };
    const rows = await tableRows(long);
    const k = rows.findIndex((x) => x.includes(`>${g.heading}<`));
    const summaryText = (row: string) =>
      [...row.split(/<w:tc>/)[2].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
        .map((m) => m[1])
        .join("");
    const head = summaryText(rows[k + 1]);
    const rest = summaryText(rows[k + 2]);
    expect(head.startsWith("- 47 หน่วยงาน ได้ดำเนินการ")).toBe(true);
    expect([head.slice(-8), rest.slice(0, 12)]).toEqual(["ทุกระดับ", "ได้ดำเนินการ"]);
  });

  it("keeps a unit's name on one line: its words joined", async () => {
    const doc = await documentXml(r);
    // บางบอน (a missing district, listed at the end) is two dictionary words.
    expect(doc).toContain("บาง\u2060บอน");
    expect(doc.replace(/\u2060/g, "")).toContain("สำนักงานเขตบางนา");
  });
});

describe("ita merge --report", () => {
  it("writes the report next to the summary, and refuses the summary's own name", async () => {
    const dir = await tmpDir();
    await writeDistrict(
      dir,
      "a.xlsx",
      district("1001", (r) => set(r, "I1", `1. ${I1[0]}`, `1. ${I1[0]}`))
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
    expect(strFromU8(unzipSync(bytes)["word/document.xml"]).replace(/\u2060/g, "")).toContain(
      "สำนักงานเขตพระนคร"
    );
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
