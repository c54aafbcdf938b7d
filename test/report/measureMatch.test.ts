import {
  clauses,
  DEFAULT_FORM,
  isAsPlanned,
  matchEntries,
  matchResults,
  normaliseMeasure,
  referencedGroup,
  splitCell,
  splitEntries,
  statementOf,
} from "../../src/domain";
import {
  heldInstead,
  likeness,
  saysCalledOff,
  saysSomething,
} from "../../src/domain/report/measureMatch";
import { sampleReport } from "../helpers";

const I1 = DEFAULT_FORM.byCode.get("I1")!.standardMeasures;
const I5 = DEFAULT_FORM.byCode.get("I5")!.standardMeasures;

describe("normalising a measure entry", () => {
  it.each([
    ["- จัดประชุมชี้แจง", "จัดประชุมชี้แจง"],
    ["• จัดประชุมชี้แจง", "จัดประชุมชี้แจง"],
    ["1. จัดประชุมชี้แจง", "จัดประชุมชี้แจง"],
    ["1) จัดประชุมชี้แจง", "จัดประชุมชี้แจง"],
    ["(2) จัดประชุมชี้แจง", "จัดประชุมชี้แจง"],
    ["๓. จัดประชุมชี้แจง", "จัดประชุมชี้แจง"],
    ["1.2 จัดประชุมชี้แจง", "จัดประชุมชี้แจง"],
    ["2. ดำเนินการแล้ว: จัดประชุมชี้แจง", "จัดประชุมชี้แจง"],
    ["- ดำเนินการจัดประชุมชี้แจง", "จัดประชุมชี้แจง"],
    ["ข้อ 4 จัดประชุมชี้แจง", "จัดประชุมชี้แจง"],
  ])("%s", (raw, want) => expect(normaliseMeasure(raw)).toBe(want));

  it("keeps a number that is part of the text", () => {
    expect(normaliseMeasure("1. อบรม 2 ครั้ง ผู้เข้าร่วม 40 คน")).toBe("อบรม 2 ครั้ง ผู้เข้าร่วม 40 คน");
  });

  it("splits a cell into entries by line and by numbers within a line", () => {
    expect(splitEntries("1. จัดประชุม 2. ทำคู่มือ\n\n- ติดป้าย\n   ")).toEqual([
      "จัดประชุม",
      "ทำคู่มือ",
      "ติดป้าย",
    ]);
  });
});

describe("references to another item's measures", () => {
  it.each([
    ["ดำเนินการตามมาตรการในข้อ I1", "I1"],
    ["ดำเนินการตามมาตรการในข้อ i3", "I1"], // I3 shares I1's measures
    ["ตามข้อ E2", "E1"],
    ["ดำเนินการตามมาตรการในข้อ I21", "I21"],
    ["ดำเนินการตามมาตรการในข้อ O5", "O1-O22"],
  ])("%s → %s", (text, group) => expect(referencedGroup(text, DEFAULT_FORM)).toBe(group));

  it("is no reference when the item does not exist or the entry says more", () => {
    expect(referencedGroup("ดำเนินการตามมาตรการในข้อ I99", DEFAULT_FORM)).toBeNull();
    expect(referencedGroup("จัดประชุมชี้แจง ซักซ้อมทำความเข้าใจ", DEFAULT_FORM)).toBeNull();
    expect(
      referencedGroup(
        "จัดประชุมชี้แจงเจ้าหน้าที่ทุกฝ่ายเรื่องคู่มือการปฏิบัติงานตามข้อ I1 และติดตามผลทุกเดือนโดยผู้อำนวยการเขต",
        DEFAULT_FORM
      )
    ).toBeNull();
  });
});

describe("matching entries to the standard measures", () => {
  it("puts the '- ' and the '1.' forms of the same measure on the same standard measure", () => {
    const dash = splitEntries(`- ${I1[1]}`);
    const numbered = splitEntries(`1. ${I1[1]}`);
    const [a] = matchEntries(dash, I1);
    const [b] = matchEntries(numbered, I1);
    expect(a.standard).toBe(1);
    expect(b.standard).toBe(1);
  });

  it("matches Chom Thong's own wording (seed 003) to the right standard measure", () => {
    const r = sampleReport();
    const i1 = r.items.find((i) => i.code === "I1")!;
    const entries = splitEntries(i1.results); // results reworded: "ดำเนินการประชาสัมพันธ์…"
    const m = matchEntries(entries, I1);
    expect(m.map((x) => x.standard)).toEqual(entries.map((_, i) => i));
    const i5 = r.items.find((i) => i.code === "I5")!;
    const m5 = matchEntries(splitEntries(i5.results), I5);
    // Its three entries, one for each of the form's three standard measures of I5, in order.
    expect(m5.map((x) => x.standard)).toEqual([0, 1, 2]);
  });

  it("leaves a measure the form does not have as the unit's own", () => {
    const [m] = matchEntries(["จัดกิจกรรมปลูกต้นไม้และทำความสะอาดคลองร่วมกับชุมชนในพื้นที่เขต"], I1);
    expect(m.standard).toBeNull();
  });

  it("does not confuse two standard measures that share many words", () => {
    // I1's measures 2 and 4 both begin "จัดประชุมชี้แจง ซักซ้อมทำความเข้าใจ"
    const m = matchEntries([I1[3], I1[1]], I1);
    expect(m.map((x) => x.standard)).toEqual([3, 1]);
  });
});

describe("what a result says", () => {
  it.each([
    ["จัดอบรมเจ้าหน้าที่ 2 รุ่น", "done"],
    ["ดำเนินการแล้ว", "as-planned"],
    ["ดำเนินการตามมาตรการที่กำหนดครบถ้วนแล้ว", "as-planned"],
    ["ได้ดำเนินการตามแผนที่วางไว้เรียบร้อยแล้ว", "as-planned"],
    ["ยังไม่ได้ดำเนินการ", "not-done"],
    ["ยังไม่ได้จัดอบรม สร้างความรู้ความเข้าใจการให้บริการผ่านระบบ E - service", "not-done"],
    ["ไม่ได้จัดทำคู่มือ เนื่องจากไม่ได้รับงบประมาณ", "not-done"],
    ["อยู่ระหว่างจัดทำคู่มือ", "in-progress"],
    ["จะดำเนินการในไตรมาสที่ 3", "in-progress"],
    ["รออนุมัติโครงการ", "in-progress"],
    // "ไม่" that is part of what was done is not a "not done".
    ["ให้บริการอย่างเท่าเทียม ไม่เลือกปฏิบัติ", "done"],
    // Not done, whatever the verb, in the ways offices write it.
    ["ยังไม่ได้ประชาสัมพันธ์คู่มือ/มาตรฐานการปฏิบัติงาน", "not-done"],
    ["ยังไม่ได้ซักซ้อมทำความเข้าใจ เนื่องจากติดภารกิจเร่งด่วน", "not-done"],
    ["ยังไม่ได้มอบหมายผู้รับผิดชอบ", "not-done"],
    ["ยังไม่ได้สร้างเครือข่ายการมีส่วนร่วม", "not-done"],
    ["ยังมิได้ดำเนินการ", "not-done"],
    ["ยังมิได้เวียนแจ้งบุคลากร", "not-done"],
    ["ยังไม่มีการประชุมชี้แจง", "not-done"],
    ["ไม่ได้อบรมเจ้าหน้าที่ใหม่ เนื่องจากไม่มีงบประมาณ", "not-done"],
    ["สำนักงานเขตมิได้แต่งตั้งคณะทำงาน", "not-done"],
    // What it says first decides: not done, with why (under way) after it; under way, with what is not yet.
    ["ยังไม่ได้ดำเนินการ เนื่องจากอยู่ระหว่างปรับปรุงคู่มือ", "not-done"],
    ["อยู่ระหว่างดำเนินการ ยังไม่ได้สรุปผล", "in-progress"],
    ["ดำเนินการแล้ว ยังไม่แล้วเสร็จ", "in-progress"],
    ["ยังไม่ได้รับการอนุมัติโครงการ", "in-progress"],
    // What came or did not, what was found: facts, not a measure left undone.
    ["เปิดช่องทางร้องเรียน 3 ช่องทาง ยังไม่ได้รับเรื่องร้องเรียน", "done"],
    ["ตรวจสอบแล้ว ยังไม่มีการร้องเรียน", "done"],
    ["เจ้าหน้าที่ไม่ได้เรียกรับผลประโยชน์จากผู้รับบริการ", "fact"],
    // An activity called off, or not able to be held: not done; put off: still to come.
    ["ยกเลิกโครงการฝึกอบรม เนื่องจากงบประมาณไม่เพียงพอ", "not-done"],
    ["ยกเลิกการประชุมชี้แจง เนื่องจากติดภารกิจเลือกตั้ง", "not-done"],
    ["งดจัดกิจกรรมเนื่องจากสถานการณ์น้ำท่วม", "not-done"],
    ["ระงับการดำเนินโครงการไว้ก่อน", "not-done"],
    ["ไม่สามารถจัดอบรมได้ เนื่องจากไม่ได้รับจัดสรรงบประมาณ", "not-done"],
    ["ยังไม่สามารถดำเนินการได้", "not-done"],
    ["ไม่มีการจัดประชุมในรอบนี้", "not-done"],
    ["เลื่อนการจัดประชุมออกไปเป็นไตรมาสที่ 4", "in-progress"],
    ["ชะลอการดำเนินโครงการ", "in-progress"],
    // Called off, the activity named before it; not done by a verb not listed before; not finished.
    ["ประชุมชี้แจงสร้างความเข้าใจ ไม่มีผู้เข้าร่วมประชุมจึงยกเลิก", "not-done"],
    ["การอบรมถูกยกเลิกเนื่องจากน้ำท่วม", "not-done"],
    ["1. งด", "not-done"],
    ["ไม่ได้มีการประชุมชี้แจงสร้างความเข้าใจ", "not-done"],
    ["ไม่ดำเนินการจัดทำคู่มือ เนื่องจากไม่มีงบประมาณ", "not-done"],
    ["อยู่ในขั้นตอนการจัดทำคู่มือ", "in-progress"],
    ["มีกำหนดจัดประชุมชี้แจงในเดือนกันยายน", "in-progress"],
    ["มีแผนจัดประชุมชี้แจงซักซ้อม", "in-progress"],
    ["จัดทำคู่มือได้บางส่วน", "in-progress"],
    ["ดำเนินการบางส่วนแล้ว", "in-progress"],
    ["ดำเนินการแล้วเป็นบางส่วน", "in-progress"],
    ["ดำเนินการบางส่วน", "in-progress"],
    ["ดำเนินการไปบางส่วนแล้ว", "in-progress"],
    // Some of whom it was for: the work was done.
    ["ชี้แจงเจ้าหน้าที่บางส่วนแล้ว", "done"],
    ["ยังดำเนินการไม่แล้วเสร็จ", "in-progress"],
    ["คาดว่าจะแล้วเสร็จในเดือนกันยายน", "in-progress"],
    ["กำชับเจ้าหน้าที่ไม่ดำเนินการใด ๆ ที่ขัดต่อระเบียบ", "done"],
    ["จัดประชุมตามที่กำหนด", "done"],
    // A practice given up, or a thing staff cannot do, is work done.
    ["ยกเลิกการใช้แบบฟอร์มกระดาษ เปลี่ยนเป็นระบบออนไลน์", "done"],
    ["งดรับของขวัญทุกชนิด (No Gift Policy)", "done"],
    ["กำหนดให้เจ้าหน้าที่ไม่สามารถเรียกรับเงินได้", "done"],
    // What was left out of "all done" was not done.
    ["ยกเว้นการจัดทำคู่มือ", "not-done"],
    // What happened, or only why: no work of the office's, done or not.
    ["ไม่มีเรื่องร้องเรียน", "fact"],
    ["ในรอบ 6 เดือน ไม่มีเรื่องร้องเรียน", "fact"],
    ["ไม่มีการเรียกรับสินบน", "fact"],
    ["ไม่พบการทุจริต", "fact"],
    ["ยังไม่ได้รับแจ้ง", "fact"],
    ["เนื่องจากติดภารกิจ", "fact"],
    ["ติดภารกิจเร่งด่วน", "fact"],
    // Not approved, not received what the measure needs, not done by a verb of supervision; no money is
    // only why (a fact: it says of no plan that it was not done).
    ["ไม่ได้รับงบประมาณ", "fact"],
    ["ไม่ผ่านการอนุมัติ", "not-done"],
    ["ยังไม่ได้รับรายงานผลการดำเนินงาน", "not-done"],
    ["ไม่ได้กำชับเจ้าหน้าที่", "not-done"],
    ["จัดอบรมไม่ได้ เนื่องจากน้ำท่วม", "not-done"],
    // Waiting on a step, in part.
    ["รอผลการพิจารณา", "in-progress"],
    ["รอจัดพิมพ์คู่มือ", "in-progress"],
    ["เสนอขออนุมัติโครงการ", "in-progress"],
    ["ดำเนินการไปแล้วร้อยละ 60", "in-progress"],
    ["ดำเนินการแล้วร้อยละ 100", "as-planned"],
    ["ผู้เข้าร่วมอบรมร้อยละ 95", "done"],
    ["รอบ 6 เดือน จัดอบรม 2 ครั้ง", "done"],
    // "จะ" of what the work brings, of a rule, or of going on after it was done.
    ["จัดอบรมแล้ว ซึ่งจะทำให้เจ้าหน้าที่มีความรู้", "done"],
    ["หากพบการกระทำผิดจะดำเนินการทางวินัย", "done"],
    ["จัดอบรมแล้ว และจะดำเนินการอย่างต่อเนื่อง", "done"],
    // Good conduct, a party given up, a form changed: done.
    ["ไม่ได้จัดซื้อจัดจ้างกับบริษัทที่มีส่วนได้เสีย", "done"],
    ["แจ้งเจ้าหน้าที่ว่าไม่สามารถรับของขวัญได้", "done"],
    ["งดการจัดเลี้ยงในเทศกาลปีใหม่", "done"],
    ["ยกเลิกการประชุมแบบ onsite เปลี่ยนเป็นการประชุมออนไลน์", "done"],
    ["งดจัดอบรม เปลี่ยนเป็นเวียนแจ้งแทน", "done"],
    // …but not when the one standing in was someone, not something ("ผู้แทน").
    ["มีผู้แทนเข้าร่วมประชุม ยกเลิกการอบรม", "not-done"],
    // Carried on as planned.
    ["ดำเนินการอย่างต่อเนื่อง", "as-planned"],
    ["ยังคงดำเนินการเป็นประจำทุกเดือน", "as-planned"],
    // A "not" of whom the work was for, in a clause describing them: the work was done.
    ["จัดประชุมชี้แจงเจ้าหน้าที่ที่ยังไม่ได้รับทราบคู่มือ", "done"],
    ["จัดอบรมให้เจ้าหน้าที่ใหม่ที่ยังไม่ได้รับการอบรมเรื่องกฎหมาย", "done"],
    ["เผยแพร่คู่มือทางออนไลน์ให้ผู้ที่ไม่สามารถเดินทางมาได้", "done"],
    ["ประชาสัมพันธ์ให้ประชาชนซึ่งไม่ได้ใช้อินเทอร์เน็ตทราบ", "done"],
    // …but of the staff themselves, or of the work itself, it is not.
    ["เจ้าหน้าที่ยังไม่ได้จัดทำคู่มือ", "not-done"],
    ["มาตรการที่ยังไม่ได้ดำเนินการ คือการจัดอบรม", "not-done"],
    ["สิ่งที่ยังไม่ได้ทำ คือการจัดทำคู่มือ", "not-done"],
  ])("%s → %s", (text, st) => expect(statementOf(text)).toBe(st));

  it.each([
    ["ยกเลิกการประชุมแบบ onsite เปลี่ยนเป็นการประชุมชี้แจงผ่านระบบออนไลน์", "การประชุมชี้แจงผ่านระบบออนไลน์"],
    ["งดจัดอบรม เวียนแจ้งแทน", "เวียนแจ้ง"],
    ["งดจัดอบรม เปลี่ยนเป็นเวียนแจ้งแทน", "เวียนแจ้ง"],
    ["จัดอบรมให้ผู้แทนชุมชน", "จัดอบรมให้ผู้แทนชุมชน"],
    ["ยกเลิกการใช้แบบฟอร์มกระดาษ เปลี่ยนเป็นระบบออนไลน์", "ยกเลิกการใช้แบบฟอร์มกระดาษ เปลี่ยนเป็นระบบออนไลน์"],
  ])("what was held instead of '%s' is '%s'", (text, held) => expect(heldInstead(text)).toBe(held));

  it.each([
    ["ยกเลิกโครงการฝึกอบรม เนื่องจากงบประมาณไม่เพียงพอ", true],
    ["งดจัดกิจกรรมเนื่องจากสถานการณ์น้ำท่วม", true],
    // Not done first, the calling off only why.
    ["ยังไม่ได้ดำเนินการ เนื่องจากยกเลิกโครงการ", false],
    ["ไม่สามารถจัดอบรมได้", false],
    ["ยกเลิกการใช้แบบฟอร์มกระดาษ", false],
    ["การอบรมถูกยกเลิกเนื่องจากน้ำท่วม", true],
  ])("'%s' says the activity was called off: %s", (text, off) =>
    expect(saysCalledOff(text)).toBe(off)
  );

  it("says 'as planned' only when that is all it says", () => {
    expect(isAsPlanned("ดำเนินการแล้ว โดยมีผู้เข้าร่วม 30 คน")).toBe(false);
    expect(isAsPlanned("ดำเนินการตามมาตรการในข้อ I1")).toBe(false);
    // Said plainly, as units do.
    expect(isAsPlanned("ทำแล้ว")).toBe(true);
    expect(isAsPlanned("ทำครบทุกข้อแล้ว")).toBe(true);
    expect(isAsPlanned("ทำคู่มือแล้ว")).toBe(false);
  });

  it("takes what only fills a cell ('N/A', 'ไม่มี', 'ไม่ระบุ') for no entry at all", () => {
    for (const t of [
      "N/A",
      "n/a",
      "NA",
      "N.A.",
      "n.a",
      "ไม่มี",
      "(ไม่มี)",
      "- ไม่มี -",
      "“ไม่ระบุ”",
      "[N/A]",
      "ไม่มีข้อมูล",
      "ไม่ระบุ",
      "-",
      "x",
      "None.",
    ])
      expect(splitCell(t)).toEqual([]);
    expect(splitCell("1. จัดประชุม\n2. N/A")).toEqual([{ raw: "จัดประชุม", text: "จัดประชุม", num: 1 }]);
    // A fact that begins the same way is an entry.
    expect(splitCell("ไม่มีเรื่องร้องเรียน").map((e) => e.raw)).toEqual(["ไม่มีเรื่องร้องเรียน"]);
    expect(splitCell("(ไม่มีผู้ร้องเรียน)").map((e) => e.raw)).toEqual(["(ไม่มีผู้ร้องเรียน)"]);
    expect(splitCell("NACC").map((e) => e.raw)).toEqual(["NACC"]);
  });

  it("splits an entry into clauses before a word that begins one, so one 'not done' does not undo the rest", () => {
    expect(clauses("จัดอบรมแล้ว 2 รุ่น แต่ยังไม่ได้จัดทำคู่มือ; ส่วนการประชุมอยู่ระหว่างดำเนินการ")).toEqual([
      "จัดอบรมแล้ว 2 รุ่น",
      "แต่ยังไม่ได้จัดทำคู่มือ",
      "ส่วนการประชุมอยู่ระหว่างดำเนินการ",
    ]);
    // "ส่วนราชการ" is a word of its own, not "ส่วน" beginning a clause.
    expect(clauses("เวียนแจ้ง ส่วนราชการทุกแห่ง")).toEqual(["เวียนแจ้ง ส่วนราชการทุกแห่ง"]);
    // A joining word of two words; "ยกเว้น" with no space before it; a plain "not" after something done.
    expect(clauses("จัดอบรมแล้ว อย่างไรก็ตามยังไม่ได้จัดทำคู่มือ")).toEqual([
      "จัดอบรมแล้ว",
      "อย่างไรก็ตามยังไม่ได้จัดทำคู่มือ",
    ]);
    expect(clauses("ดำเนินการแล้วยกเว้นการจัดทำคู่มือ")).toEqual(["ดำเนินการแล้ว", "ยกเว้นการจัดทำคู่มือ"]);
    expect(clauses("จัดประชุมแล้ว ไม่ได้จัดทำคู่มือ")).toEqual(["จัดประชุมแล้ว", "ไม่ได้จัดทำคู่มือ"]);
    // "ข้อยกเว้น" is a word (an exception), not "except".
    expect(clauses("ปฏิบัติตามระเบียบโดยไม่มีข้อยกเว้น")).toEqual(["ปฏิบัติตามระเบียบโดยไม่มีข้อยกเว้น"]);
  });

  it("gives each clause with its words one space apart, whatever white space was between them", () => {
    // Single spaces (a cell's entry, as splitCell gives it) and any other white space alike.
    expect(clauses(" จัดอบรมแล้ว 2 รุ่น แต่ยังไม่ได้จัดทำคู่มือ ")).toEqual([
      "จัดอบรมแล้ว 2 รุ่น",
      "แต่ยังไม่ได้จัดทำคู่มือ",
    ]);
    expect(clauses("จัดอบรมแล้ว\t2  รุ่น\u00a0แต่ยังไม่ได้จัดทำคู่มือ ;  ส่วนการประชุม\nในสำนักงาน")).toEqual([
      "จัดอบรมแล้ว 2 รุ่น",
      "แต่ยังไม่ได้จัดทำคู่มือ",
      "ส่วนการประชุม ในสำนักงาน",
    ]);
  });

  it("keeps a decimal in its entry: '92.5' does not start a new numbered entry", () => {
    expect(splitEntries("1. ผู้ตอบแบบประเมินพึงพอใจร้อยละ 92.5 2. จัดประชุม")).toEqual([
      "ผู้ตอบแบบประเมินพึงพอใจร้อยละ 92.5",
      "จัดประชุม",
    ]);
    expect(splitCell("- ดำเนินการแล้ว")).toEqual([{ raw: "ดำเนินการแล้ว", text: "" }]);
  });

  it("matches a result that restates a measure and goes on with its own detail", () => {
    const long = `${I1[0].split(" ")[0]} และระบบ e-service ในช่องทางใหม่ของสำนักงานเขต คือ แอปพลิเคชัน TikTok`;
    // As a whole, the detail weighs it under the mark; its first phrase is the measure.
    expect(matchEntries([long], I1)[0].standard).toBeNull();
    expect(matchResults([long], I1, (t) => [t.split(" ")[0]])[0].standard).toBe(0);
  });
});

describe("likeness", () => {
  const set = (s: string) => new Set(s.split(" "));

  it("is the Dice coefficient of the two word sets", () => {
    // 2 words in common of 3 and 3: 2·2 / 6.
    expect(likeness(set("ก ข ค"), set("ก ข ง"))).toBeCloseTo(4 / 6, 10);
    expect(likeness(set("ก ข"), set("ค ง"))).toBe(0);
    expect(likeness(new Set(), set("ก"))).toBe(0);
  });

  it("takes a short form whole inside a long one as alike, at 0.9 of its share, from four words", () => {
    // Four words, all in the eight: Dice 8 / 12, containment 4 / 4 × 0.9.
    expect(likeness(set("ก ข ค ง"), set("ก ข ค ง จ ฉ ช ซ"))).toBeCloseTo(0.9, 10);
    expect(likeness(set("ก ข ค ง จ ฉ ช ซ"), set("ก ข ค ง"))).toBeCloseTo(0.9, 10);
    // Three words: Dice alone, 6 / 11.
    expect(likeness(set("ก ข ค"), set("ก ข ค ง จ ฉ ช ซ"))).toBeCloseTo(6 / 11, 10);
    // Three of four words in the eight: Dice 6 / 12, containment 3 / 4 × 0.9.
    expect(likeness(set("ก ข ค ฌ"), set("ก ข ค ง จ ฉ ช ซ"))).toBeCloseTo(0.675, 10);
  });
});

describe("a cell that says something", () => {
  it.each([
    ["", false],
    ["-", false],
    [" . ", false],
    ["ไม่มี", false],
    ["N/A", false],
    ["1. -\n2. ไม่มี", false],
    ["- ไม่ระบุ -", false],
    ["1. - 2. จัดประชุมชี้แจง", true],
    ["๑. จัดอบรมเจ้าหน้าที่", true],
    ["ดำเนินการแล้ว", true],
    ["ข้อ 1 ดำเนินการแล้ว", true],
  ])("%j → %s, as the merge reads its entries", (text, says) => {
    expect(saysSomething(text)).toBe(says);
    expect(splitCell(text).length > 0).toBe(says);
  });
});
