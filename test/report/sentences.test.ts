import fc from "fast-check";
import {
  commonAction,
  cutAtPhrase,
  didCommon,
  DISTRICTS,
  exampleText,
  findDistrict,
  namedUnit,
  namesOf,
  oneEdit,
  phrases,
  whoOf,
} from "../../src/domain";

describe("phrases: the parts of a text that are cut between", () => {
  it("joins what cannot stand alone: numbers with the words around them, Latin runs, connectives", () => {
    expect(phrases("จัดประชุม มีผู้เข้าร่วม 30 คน เผยแพร่ No Gift Policy และ Anti Bribery Policy")).toEqual(
      ["จัดประชุม", "มีผู้เข้าร่วม 30 คน", "เผยแพร่", "No Gift Policy", "และ Anti Bribery Policy"]
    );
    expect(phrases("ประกาศต่าง ๆ ผ่าน เพจ")).toEqual(["ประกาศต่าง ๆ", "ผ่าน เพจ"]);
  });
});

describe("the action units share", () => {
  it("is the run of phrases from the start that all the texts have, when it says enough", () => {
    expect(
      commonAction([
        "เผยแพร่คู่มือการปฏิบัติงานให้เจ้าหน้าที่ทราบ ผ่านเพจ Facebook",
        "เผยแพร่คู่มือการปฏิบัติงานให้เจ้าหน้าที่ทราบ ในกลุ่ม LINE",
        "เผยแพร่คู่มือการปฏิบัติงานให้เจ้าหน้าที่ทราบ",
      ])
    ).toEqual({ action: "เผยแพร่คู่มือการปฏิบัติงานให้เจ้าหน้าที่ทราบ", support: [0, 1, 2] });
  });

  it("is what most of them share when all of them share too little, with who has it", () => {
    expect(
      commonAction([
        "จัดประชุมชี้แจงเจ้าหน้าที่ทุกฝ่าย เรื่องคู่มือการปฏิบัติงาน",
        "ติดป้ายประชาสัมพันธ์",
        "จัดประชุมชี้แจงเจ้าหน้าที่ทุกฝ่าย เรื่องคู่มือการปฏิบัติงาน ทุกเดือน",
      ])
    ).toEqual({
      action: "จัดประชุมชี้แจงเจ้าหน้าที่ทุกฝ่าย เรื่องคู่มือการปฏิบัติงาน",
      support: [0, 2],
    });
  });

  it("leaves out nothing in its middle: a phrase only some texts have ends it", () => {
    const c = commonAction([
      "เวียนแจ้ง ทำความเข้าใจเรื่องงบประมาณ แผนการใช้จ่าย",
      "เวียนแจ้ง ซักซ้อมเรื่องงบประมาณ แผนการใช้จ่าย",
    ]);
    expect(c).toEqual({ action: "เวียนแจ้ง", support: [0, 1] });
  });

  it("keeps a long text whole when little is left of it, and says when it stopped short", () => {
    // The form's measure 4.4 (270 characters), copied by both: not cut inside the regulation's name.
    const measure =
      "ส่งเสริม สร้างความรู้ ความเข้าใจให้เจ้าหน้าที่สามารถแยกแยะผลประโยชน์ส่วนตนและส่วนรวมออกจากกันได้ ด้วยการสร้างการรับรู้กฎหมายว่าด้วยการขัดกันแห่งผลประโยชน์ และกฎ ก.ก. ว่าด้วยประมวลจริยธรรมสำหรับข้าราชการกรุงเทพมหานคร บุคลากรกรุงเทพมหานคร และผู้ปฏิบัติงานอื่นในกรุงเทพมหานคร พ.ศ. 2564";
    expect(commonAction([measure, measure])).toEqual({ action: measure, support: [0, 1] });
    // Twice that: stopped at the phrase before 260 characters, and said to be cut.
    const long = `${measure} โดยจัดประชุมชี้แจงเจ้าหน้าที่ทุกฝ่ายในสำนักงานเขตเป็นประจำทุกเดือน และเผยแพร่สรุปสาระสำคัญของกฎหมายและระเบียบที่เกี่ยวข้องผ่านช่องทางออนไลน์ของสำนักงานเขต เพื่อให้เจ้าหน้าที่ทุกคนรับทราบและถือปฏิบัติอย่างเคร่งครัด`;
    const c = commonAction([long, long]);
    expect(c.cut).toBe(true);
    expect(c.action).toBe(
      "ส่งเสริม สร้างความรู้ ความเข้าใจให้เจ้าหน้าที่สามารถแยกแยะผลประโยชน์ส่วนตนและส่วนรวมออกจากกันได้ ด้วยการสร้างการรับรู้กฎหมายว่าด้วยการขัดกันแห่งผลประโยชน์ และกฎ ก.ก. ว่าด้วยประมวลจริยธรรมสำหรับข้าราชการกรุงเทพมหานคร บุคลากรกรุงเทพมหานคร"
    );
    expect(didCommon(c)).toBe(`ได้${c.action} ฯลฯ`);
  });
});

describe("cutting without cutting a word", () => {
  it("cuts at the end of a phrase (or after whole words of a long one) and marks it; a first phrase longer than the limit stays whole", () => {
    expect(cutAtPhrase("ยึดถือ และปฏิบัติตามคู่มือ ให้บริการด้วยความเต็มใจ", 30)).toBe("ยึดถือ และปฏิบัติตามคู่มือ …");
    // After a short start, the long phrase's first words, each whole.
    expect(cutAtPhrase("ข้อ I1 เจ้าหน้าที่ในสำนักงานเขตที่ท่านปฏิบัติงาน ให้คำแนะนำ", 30)).toBe(
      "ข้อ I1 เจ้าหน้าที่ในสำนักงาน …"
    );
    const word = "เจ้าหน้าที่ในสำนักงานเขตที่ท่านปฏิบัติงานให้คำแนะนำช่วยเหลือประชาชน";
    expect(cutAtPhrase(`${word} ด้วยความเต็มใจ`, 20)).toBe(`${word} …`);
  });

  it("shows an example as runs of the unit's text cut only at spaces, '…' only between them", () => {
    const piece = fc.constantFrom(
      "จัดประชุมชี้แจง",
      "ซักซ้อมทำความเข้าใจ",
      "พร้อมเน้นย้ำให้ผู้ปฏิบัติงานยึดถือและปฏิบัติตามคู่มือ",
      "ในการประชุมหัวหน้าฝ่ายประจำเดือน",
      "มีผู้เข้าร่วม 42 คน",
      "ผ่านเพจ Facebook ของสำนักงานเขต",
      "เมื่อวันที่ 15 มกราคม 2567"
    );
    fc.assert(
      fc.property(
        fc.array(piece, { minLength: 1, maxLength: 30 }),
        fc.subarray(["Facebook", "42 คน", "ประชุม"]),
        (parts, rare) => {
          const text = parts.join(" ");
          const out = exampleText(text, rare, ["จัดประชุมชี้แจง ซักซ้อมทำความเข้าใจ"]);
          for (const run of out.split(/ ?… ?/).filter(Boolean)) {
            // Each run shown is the text's own, cut only at spaces: at the ends of its phrases, or
            // where the unit's own words start after the restated measure's (whose last words a
            // phrase may begin with: "จัดประชุมชี้แจง | ซักซ้อมทำความเข้าใจ เมื่อวันที่ …").
            const whole = (i: number) =>
              (i === 0 || text[i - 1] === " ") &&
              (i + run.length === text.length || text[i + run.length] === " ");
            let found = false;
            for (let i = text.indexOf(run); i >= 0 && !found; i = text.indexOf(run, i + 1))
              found = whole(i);
            expect(found).toBe(true);
          }
        }
      )
    );
  });

  it("starts the unit's own words where they start, not in the middle of the plan's last words", () => {
    // A district's result: the form's measure 1.11 word for word ("… รอบ 6 เดือน และ 12 เดือน"),
    // then its own order; "และ 12 เดือน" is the plan's, not the start of what the unit adds.
    const plan =
      "มอบหมายเจ้าหน้าที่ในการรวบรวมรายงานการรับของขวัญและของกำนัล หรือผลประโยชน์อื่นใด หรือของที่ระลึก ตามประกาศกรุงเทพมหานคร เรื่อง นโยบายการไม่รับของขวัญและของกำนัลทุกชนิดจากการปฏิบัติหน้าที่ (No Gift Policy) เพื่อรายงานต่อ ศปท.กทม. รอบ 6 เดือน และ 12 เดือน";
    expect(exampleText(`${plan} ตามคำสั่งสำนักงานเขตที่ 360/2567`, ["360/2567"], [plan])).toBe(
      "มอบหมายเจ้าหน้าที่ในการรวบรวมรายงานการรับของขวัญและของกำนัล … ตามคำสั่งสำนักงานเขตที่ 360/2567"
    );
  });

  it("takes a slip of one letter for the word it slips from", () => {
    expect(oneEdit("อินโฟรกราฟิก", "อินโฟกราฟิก")).toBe(true);
    expect(oneEdit("ความพึงใจ", "ความพึงพอใจ")).toBe(false);
  });
});

describe("naming units", () => {
  const d = (code: string) => ({ key: code, unit: findDistrict(code)! });
  it("names districts under one prefix, 'และ' before the last, other units in full", () => {
    expect(namesOf([d("1001"), d("1002"), d("1047")])).toBe("สำนักงานเขตพระนคร ดุสิต และบางนา");
    expect(namesOf([d("1001"), { key: "x", unit: namedUnit("สำนักงบประมาณกรุงเทพมหานคร") }])).toBe(
      "สำนักงานเขตพระนคร และสำนักงบประมาณกรุงเทพมหานคร"
    );
  });

  it("says every unit, the units by name, or the count with the few that did not", () => {
    const all = DISTRICTS.map((u) => ({ key: u.code!, unit: u })) as never[];
    const some = all.slice(0, 3);
    expect(whoOf(some, some)).toBe("ทุกหน่วยงานที่ส่งรายงาน (3 หน่วยงาน)");
    expect(whoOf(some.slice(0, 2), all)).toBe("สำนักงานเขตพระนคร และดุสิต (2 หน่วยงาน)");
    expect(whoOf(all.slice(0, 48), all)).toBe(
      "48 หน่วยงาน (ทุกหน่วยงานที่ส่งรายงาน ยกเว้นสำนักงานเขตทุ่งครุ และบางบอน)"
    );
  });
});
