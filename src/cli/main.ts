import { BUNDLED_FORM_FILES } from "../domain/catalog/forms";
import { ReasonError } from "../domain/errors";
import { UserError } from "./args";
import type { Io } from "./io";

/** The bundled forms as the help names them, read from the form files without checking them (no zod). */
function bundledForms(): string {
  return BUNDLED_FORM_FILES.map((f) => {
    const d = f.data as { formId?: string; version?: string; fiscalYear?: number };
    return `FY${d.fiscalYear} (${d.formId} ${d.version})`;
  }).join(", ");
}

const help =
  () => `ita — แบบรายงาน ITA ของสำนักงานเขต / ITA reporting forms for Bangkok district offices

  แบบฟอร์มในโปรแกรม / bundled forms: ${bundledForms()}
  ปีที่ยังไม่มีแบบฟอร์มใช้แบบฟอร์มล่าสุดของปีก่อนหน้า (แจ้งให้ทราบ) หรือระบุ --form FILE.json
  A year without its own form uses the newest form of an earlier year (and says so), or give --form FILE.json

  ita scaffold -o FILE --unit U [--other-unit] [--form FILE|ID] [--year 2567] [--round 6|12]
               [--threshold 85] [--preparer NAME] [--from REPORT.json|SCORES.csv] [--sheet NAME]
      สร้างแบบรายงาน / write a new reporting workbook (optionally filled from a report or a scores list)
      U: รหัสเขต 1001–1050 ชื่อเขต หรือชื่อเต็มของหน่วยงานอื่น; ชื่อที่ใกล้ชื่อเขตแต่ไม่ใช่เขตต้องเพิ่ม
      --other-unit; ไม่ต้องระบุ --unit เมื่อ REPORT.json มีหน่วยงานอยู่แล้ว
      U: a district code 1001–1050 or name, or another unit's full name; a name close to a
      district's that is not one needs --other-unit; --unit may be left out when REPORT.json names the unit
  ita scaffold --from EARLIER.xlsx -o NEW.xlsx [--round 6|12] [--year 2568] [--scores SCORES.csv]
               [--photos] [--from-sheet NAME]
      เริ่มจากรายงานครั้งก่อน / start from an earlier report: by default the report after it (6 → 12
      months: scores and every text carried, photos with --photos; 12 months → next year's 6: unit,
      issues and measures as a plan, scores from --scores); said on stderr before writing
  ita forms [--json] [--form FILE …]
      รายการแบบฟอร์ม / list the forms: id, version, fiscal years, title, number of items
  ita form export [--form FILE|ID] -o FORM.xlsx
      เขียนแบบฟอร์มเป็นสมุดงานให้ส่วนกลางแก้ไข / write a form as a workbook to edit in Excel
      (default: the form of the current fiscal year)
  ita form import FORM.xlsx -o FORM.json
      ตรวจสมุดงานแบบฟอร์มที่แก้แล้วและเขียนเป็นไฟล์แบบฟอร์ม / check an edited form workbook and
      write it as a form file for --form; exit 2 with each problem's sheet and cell
      (--form also takes the edited FORM.xlsx itself)
  ita read FILE [--sheet NAME]
      พิมพ์รายงานเป็น JSON / print the report as JSON, with the cell of every field
  ita validate FILE [--threshold N] [--json] [--sheet NAME] [--form FILE|ID]
      ตรวจสอบก่อนส่ง / check before submission; exit 0 ok, 1 errors, 2 unreadable
  ita fit FILE -o FITTED.xlsx [--sheet NAME]
      จัดหน้าพิมพ์ใหม่ตามข้อความที่กรอก / lay the form out again for print from what was typed
      (row heights, "(ต่อ)" rows, page breaks) as a new file, pictures kept; FILE is only read
  ita merge FILES|FOLDERS… -o SUMMARY.xlsx [--threshold N] [--expect districts|none|LIST] [--json]
            [--form FILE|ID] [--year 2567 --round 6|12] [--graph FOLDER_URL [--cache DIR]]
      รวมรายงานของเขตเป็นสรุปส่วนกลาง / merge district workbooks into the central summary;
      LIST: the units expected, one a line or a .json array; of two files for the same unit,
      year and round the later saved is merged, the other listed as superseded; one form:
      --form, else the form most files use (files of another form are rejected);
      exit 0 all merged, 3 some rejected or a unit's library folder not listed (summary still
      written), 2 none merged
      --report REPORT.docx  รายงานส่วนกลาง (Word) / the central report as Word;
      --office NAME         หน่วยงานผู้รวบรวม / the compiling office (default กองวินัยและเสริมสร้างจริยธรรม สำนักงาน ก.ก.)
      --prefer FILE         ฉบับที่จะใช้เมื่อบอกไม่ได้ว่าฉบับใดส่งภายหลัง / the copy to merge when which
                            of a unit's copies came later cannot be told (listed as duplicates)
      --compare PREVIOUS    เทียบกับครั้งก่อน / compare with a summary written by ita merge, or the
                            previous year's or round's district files or folders (the sheet ITA เทียบปีก่อน)
      --graph FOLDER_URL    รวมจากโฟลเดอร์ในไลบรารี SharePoint / merge the files of a SharePoint library
                            folder (and its units' folders) through Microsoft Graph; token: ITA_GRAPH_TOKEN,
                            or a sign-in with a code (ITA_GRAPH_CLIENT_ID, ITA_GRAPH_TENANT); ITA_GRAPH_BASE
                            (default https://graph.microsoft.com/v1.0); files unchanged since the last merge
                            are not downloaded again (--cache DIR, default ~/.cache/ita/graph; off: none);
                            a sign-in refused (401): exit 2
  ita demo [--out DIR]
      ตัวอย่างครบวงจรด้วยข้อมูลเขตจอมทอง / the whole job on the bundled Chom Thong sample
`;

type Command = (argv: string[], io: Io) => Promise<number>;

/*
 * Each command's module is loaded only when it runs: `ita --help` loads neither the form catalog
 * (zod) nor ExcelJS, and reading commands never load the writer.
 */
const COMMANDS: Record<string, () => Command> = {
  scaffold: () => (require("./commands") as typeof import("./commands")).scaffold,
  forms: () => (require("./forms") as typeof import("./forms")).formsCmd,
  form: () => (require("./formBook") as typeof import("./formBook")).formCmd,
  read: () => (require("./commands") as typeof import("./commands")).read,
  validate: () => (require("./commands") as typeof import("./commands")).validateCmd,
  fit: () => (require("./fit") as typeof import("./fit")).fitCmd,
  merge: () => (require("./merge") as typeof import("./merge")).merge,
  demo: () => (require("./demo") as typeof import("./demo")).demo,
};

const stdio: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) };

/** Run the CLI; resolves to the exit code. Never throws for bad input. */
export async function main(argv: string[], io: Io = stdio): Promise<number> {
  const [cmd, ...rest] = argv;
  if (!cmd || cmd === "help" || cmd === "--help" || cmd === "-h") {
    io.out(help());
    return cmd ? 0 : 2;
  }
  const load = Object.prototype.hasOwnProperty.call(COMMANDS, cmd) ? COMMANDS[cmd] : undefined;
  // "ita merge --help": the help, which says every command's options.
  if (load && rest.some((a) => a === "--help" || a === "-h")) {
    io.out(help());
    return 0;
  }
  if (!load) {
    io.err(`ไม่รู้จักคำสั่ง "${cmd}" / Unknown command "${cmd}"\n\n${help()}`);
    return 2;
  }
  try {
    return await load()(rest, io);
  } catch (e) {
    if (e instanceof UserError) {
      io.err(`ข้อผิดพลาด: ${e.reason.th}\nError: ${e.reason.en}\n`);
      return e.exitCode;
    }
    // A file that cannot be read (FormFileError) and any other reason meant for the user.
    if (e instanceof ReasonError) {
      io.err(`ข้อผิดพลาด: ${e.reason.th}\nError: ${e.reason.en}\n`);
      return 2;
    }
    io.err(`ข้อผิดพลาดที่ไม่คาดคิด / Unexpected error: ${(e as Error).message}\n`);
    return 2;
  }
}
