import { FormFileError } from "../xlsx";
import { UserError } from "./args";
import { Io, read, scaffold, validateCmd } from "./commands";
import { demo } from "./demo";
import { merge } from "./merge";

const HELP = `ita — แบบรายงาน ITA ของสำนักงานเขต / ITA reporting forms for Bangkok district offices

  ita scaffold -o FILE [--unit U] [--year 2567] [--round 6|12] [--threshold 85] [--preparer NAME]
               [--from REPORT.json|SCORES.csv] [--sheet NAME]
      สร้างแบบรายงาน / write a new reporting workbook (optionally filled from a report or a scores list)
  ita read FILE [--sheet NAME]
      พิมพ์รายงานเป็น JSON / print the report as JSON, with the cell of every field
  ita validate FILE [--threshold N] [--json] [--sheet NAME]
      ตรวจสอบก่อนส่ง / check before submission; exit 0 ok, 1 errors, 2 unreadable
  ita merge FILES|FOLDERS… -o SUMMARY.xlsx [--threshold N] [--expect districts|none] [--json]
      รวมรายงานของเขตเป็นสรุปส่วนกลาง / merge district workbooks into the central summary;
      exit 0 all merged, 3 some rejected (summary still written), 2 none merged
  ita demo [--out DIR]
      ตัวอย่างครบวงจรด้วยข้อมูลเขตจอมทอง / the whole job on the bundled Chom Thong sample
`;

const COMMANDS: Record<string, (argv: string[], io: Io) => Promise<number>> = {
  scaffold,
  read,
  validate: validateCmd,
  merge,
  demo,
};

const stdio: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) };

/** Run the CLI; resolves to the exit code. Never throws for bad input. */
export async function main(argv: string[], io: Io = stdio): Promise<number> {
  const [cmd, ...rest] = argv;
  if (!cmd || cmd === "help" || cmd === "--help" || cmd === "-h") {
    io.out(HELP);
    return cmd ? 0 : 2;
  }
  const run = COMMANDS[cmd];
  if (!run) {
    io.err(`ไม่รู้จักคำสั่ง "${cmd}" / Unknown command "${cmd}"\n\n${HELP}`);
    return 2;
  }
  try {
    return await run(rest, io);
  } catch (e) {
    if (e instanceof FormFileError) {
      io.err(`ข้อผิดพลาด: ${e.reason.th}\nError: ${e.reason.en}\n`);
      return 2;
    }
    if (e instanceof UserError) {
      io.err(`ข้อผิดพลาด: ${e.reason.th}\nError: ${e.reason.en}\n`);
      return e.exitCode;
    }
    io.err(`ข้อผิดพลาดที่ไม่คาดคิด / Unexpected error: ${(e as Error).message}\n`);
    return 2;
  }
}
