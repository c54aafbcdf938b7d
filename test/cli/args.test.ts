import { promises as fs } from "fs";
import path from "path";
import { nearestOption } from "../../src/cli/args";
import { runCli, tmpDir } from "../helpers";

/*
 * A mistyped command line is answered in Thai and English, naming what was typed and what was
 * meant; Node's own English parser messages never reach the user. Every case here is refused
 * before any file is read or written: the files named need not exist, and an output (-o) goes to a
 * temporary folder that must stay empty.
 */

const dirs = tmpDir;

const SCAFFOLD_OPTIONS =
  "-o/--out, --unit, --other-unit, --year, --round, --threshold, --preparer, --from, --sheet, --form, --scores, --photos, --from-sheet";

describe("ita refuses a mistyped command line with exit 2, in Thai and English", () => {
  it.each([
    [
      "a mistyped option: the nearest known one",
      ["validate", "f.xlsx", "--jsn"],
      "ข้อผิดพลาด: ไม่รู้จักตัวเลือก --jsn ของ ita validate หมายถึง --json หรือไม่\n" +
        "Error: Unknown option --jsn for ita validate: did you mean --json?\n",
    ],
    [
      "a mistyped option of merge",
      ["merge", "districts", "-o", "s.xlsx", "--expcet", "none"],
      "ข้อผิดพลาด: ไม่รู้จักตัวเลือก --expcet ของ ita merge หมายถึง --expect หรือไม่\n" +
        "Error: Unknown option --expcet for ita merge: did you mean --expect?\n",
    ],
    [
      "an option with one dash",
      ["scaffold", "-o", "f.xlsx", "-unit", "1035"],
      "ข้อผิดพลาด: ไม่รู้จักตัวเลือก -unit ของ ita scaffold หมายถึง --unit หรือไม่\n" +
        "Error: Unknown option -unit for ita scaffold: did you mean --unit?\n",
    ],
    [
      "the start of an option",
      ["scaffold", "-o", "f.xlsx", "--unit", "1035", "--thr", "80"],
      "ข้อผิดพลาด: ไม่รู้จักตัวเลือก --thr ของ ita scaffold หมายถึง --threshold หรือไม่\n" +
        "Error: Unknown option --thr for ita scaffold: did you mean --threshold?\n",
    ],
    [
      "an option of another command: the command's options listed",
      ["scaffold", "-o", "f.xlsx", "--json"],
      `ข้อผิดพลาด: ไม่รู้จักตัวเลือก --json ของ ita scaffold (ตัวเลือกของคำสั่งนี้: ${SCAFFOLD_OPTIONS})\n` +
        `Error: Unknown option --json for ita scaffold (its options: ${SCAFFOLD_OPTIONS})\n`,
    ],
    [
      "an option with nothing after it",
      ["scaffold", "-o", "f.xlsx", "--unit"],
      "ข้อผิดพลาด: ตัวเลือก --unit ต้องมีค่าตามหลัง แต่ไม่มีอะไรต่อจากนั้น\n" +
        "Error: The option --unit needs a value after it, and nothing follows\n",
    ],
    [
      "a short option with nothing after it",
      ["scaffold", "--unit", "1035", "-o"],
      "ข้อผิดพลาด: ตัวเลือก -o ต้องมีค่าตามหลัง แต่ไม่มีอะไรต่อจากนั้น\n" +
        "Error: The option -o needs a value after it, and nothing follows\n",
    ],
    [
      "an option followed by another option",
      ["scaffold", "-o", "f.xlsx", "--unit", "--year", "2567"],
      "ข้อผิดพลาด: ตัวเลือก --unit ต้องมีค่าตามหลัง แต่ถัดไปเป็นตัวเลือก --year\n" +
        "Error: The option --unit needs a value after it, but the option --year follows\n",
    ],
    [
      "a value that starts with a dash",
      ["validate", "f.xlsx", "--threshold", "-5"],
      "ข้อผิดพลาด: ตัวเลือก --threshold ต้องมีค่าตามหลัง แต่ถัดไปคือ -5 (ค่าที่ขึ้นต้นด้วย - ให้เขียนติดกันเป็น --threshold=-5)\n" +
        'Error: The option --threshold needs a value after it, but -5 follows (a value that starts with "-" is written --threshold=-5)\n',
    ],
    [
      "a value given to a switch",
      ["validate", "f.xlsx", "--json=yes"],
      "ข้อผิดพลาด: ตัวเลือก --json ไม่รับค่า (พบ --json=yes) ให้ใช้ --json เฉย ๆ\n" +
        "Error: The option --json takes no value (got --json=yes); give --json alone\n",
    ],
    [
      "an argument without an option, to a command that takes none",
      ["scaffold", "-o", "f.xlsx", "จอมทอง"],
      `ข้อผิดพลาด: ita scaffold ไม่รับ "จอมทอง" ที่ไม่มีตัวเลือกนำหน้า (ตัวเลือกของคำสั่งนี้: ${SCAFFOLD_OPTIONS})\n` +
        `Error: ita scaffold takes no argument without an option before it: "จอมทอง" (its options: ${SCAFFOLD_OPTIONS})\n`,
    ],
    [
      "an extra argument to form export",
      ["form", "export", "extra", "-o", "f.xlsx"],
      'ข้อผิดพลาด: ita form export ไม่รับ "extra" ที่ไม่มีตัวเลือกนำหน้า (ตัวเลือกของคำสั่งนี้: --form, -o/--out)\n' +
        'Error: ita form export takes no argument without an option before it: "extra" (its options: --form, -o/--out)\n',
    ],
    [
      "two files to a command that takes one",
      ["validate", "a.xlsx", "b.xlsx"],
      "ข้อผิดพลาด: ต้องระบุไฟล์ .xlsx หนึ่งไฟล์ (ได้ 2 ค่า: a.xlsx, b.xlsx)\n" +
        "Error: Give exactly one .xlsx file (got 2: a.xlsx, b.xlsx)\n",
    ],
    [
      "a switch's would-be value taken as a second file",
      ["read", "a.xlsx", "yes"],
      "ข้อผิดพลาด: ต้องระบุไฟล์ .xlsx หนึ่งไฟล์ (ได้ 2 ค่า: a.xlsx, yes)\n" +
        "Error: Give exactly one .xlsx file (got 2: a.xlsx, yes)\n",
    ],
  ])("%s", async (_name, argv, message) => {
    const dir = await dirs();
    // Each -o value into the temporary folder; the messages do not name it.
    const r = await runCli(...argv.map((a, i) => (argv[i - 1] === "-o" ? path.join(dir, a) : a)));
    expect(r.err).toBe(message);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(await fs.readdir(dir)).toEqual([]);
  });

  it("a value that starts with a dash is taken when written with =", async () => {
    // Past the parser: the threshold's own check answers.
    const r = await runCli("validate", "f.xlsx", "--threshold=-5");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^ข้อผิดพลาด: --threshold -5: /);
  });
});

describe("the nearest option", () => {
  const options = {
    out: { type: "string", short: "o" },
    json: { type: "boolean" },
    threshold: { type: "string" },
    form: { type: "string" },
    from: { type: "string" },
  } as const;

  it.each([
    ["--jsn", "--json"],
    ["--JSON", "--json"],
    ["--fomr", "--form"],
    ["--thresold", "--threshold"],
    ["--thres", "--threshold"],
    ["-O", "-o"],
    ["-json", "--json"],
    ["--fr", "--from"],
  ])("%s → %s", (typed, near) => {
    expect(nearestOption(typed, options)).toBe(near);
  });

  it.each(["--foo", "--f", "-x", "--outfile", "--"])("%s: none is close", (typed) => {
    expect(nearestOption(typed, options)).toBeNull();
  });
});
