import path from "path";
import {
  bookProblemText,
  FormDef,
  countEn,
  currentFiscalYear,
  formBookModel,
  formForYear,
  formFileText,
  formFromBook,
  formLabel,
  loadFormDef,
  msg,
} from "../domain";
import { readFileBytes } from "../xlsx/files";
import { nodeInflate } from "../xlsx/nodeInflate";
import { openXlsx } from "../xlsx/read/xlsxRead";
import { writeBytesAtomic } from "../xlsx/write/atomic";
import { oneFile, parse, UserError } from "./args";
import type { Io } from "./io";
import { formOption } from "./forms";
import { refuseUnitReport } from "./outputFile";

/** How many problems are printed; the rest are counted. */
const SHOWN = 60;

/**
 * `ita form export [--form ID|FILE] -o FORM.xlsx`: the form (by default the current year's) as a
 * workbook the central office edits. `ita form import FORM.xlsx -o FORM.json`: the edited workbook
 * checked and written as a form file; exit 2 with every problem (sheet and cell) when it is not one.
 */
export async function formCmd(argv: string[], io: Io): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === "export") return exportForm(rest, io);
  if (sub === "import") return importForm(rest, io);
  throw new UserError(
    msg(
      `ใช้ "ita form export" หรือ "ita form import" (ไม่รู้จัก "${sub ?? ""}")`,
      `Use "ita form export" or "ita form import" (not "${sub ?? ""}")`
    )
  );
}

function outOption(value: unknown, ext: string): string {
  if (typeof value !== "string" || !value)
    throw new UserError(msg("ต้องระบุไฟล์ผลลัพธ์ด้วย -o FILE", "Give the output file with -o FILE"));
  if (path.extname(value).toLowerCase() !== ext)
    throw new UserError(
      msg(`ไฟล์ผลลัพธ์ต้องเป็น ${ext}: ${value}`, `The output file must be a ${ext} file: ${value}`)
    );
  return value;
}

async function exportForm(argv: string[], io: Io): Promise<number> {
  const { values } = parse(argv, {
    command: "ita form export",
    options: { form: { type: "string" }, out: { type: "string", short: "o" } },
    positionals: false,
  });
  const out = outOption(values.out, ".xlsx");
  await refuseUnitReport(out);
  let form: FormDef;
  if (values.form !== undefined) form = formOption(String(values.form));
  else {
    const choice = formForYear(currentFiscalYear());
    form = choice.form;
    if (choice.notice) io.err(`${choice.notice.th}\n${choice.notice.en}\n`);
  }
  const model = formBookModel(form.definition);
  if (!model.sheets) {
    for (const p of model.problems.slice(0, SHOWN)) {
      const t = bookProblemText(out, p);
      io.err(`${t.th}\n${t.en}\n`);
    }
    throw new UserError(
      msg(
        `เขียนแบบฟอร์ม ${formLabel(form)} เป็นสมุดงานไม่ได้ (พบปัญหา ${model.problems.length} จุด)`,
        `The form ${formLabel(form)} cannot be written as a workbook (${countEn(model.problems.length, "problem")})`
      )
    );
  }
  const { writeFormBookFile } =
    require("../xlsx/write/formBook") as typeof import("../xlsx/write/formBook");
  await writeFormBookFile(out, model.sheets);
  io.out(
    `เขียนแบบฟอร์มแล้ว / Form written: ${out} (${formLabel(form)}, ${countEn(form.items.length, "item")})\n`
  );
  return 0;
}

async function importForm(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, {
    command: "ita form import",
    options: { out: { type: "string", short: "o" } },
    positionals: true,
  });
  const file = oneFile(positionals, ".xlsx");
  const out = outOption(values.out, ".json");
  const book = openXlsx(file, await readFileBytes(file), nodeInflate);
  const result = formFromBook(book.sheets.map((s) => book.grid(s)));
  const name = path.basename(file);
  if (!result.form) {
    for (const p of result.problems.slice(0, SHOWN)) {
      const t = bookProblemText(name, p);
      io.err(`${t.th}\n${t.en}\n`);
    }
    const more = result.problems.length - SHOWN;
    if (more > 0) io.err(`… และอีก ${more} จุด / and ${more} more\n`);
    throw new UserError(
      msg(
        `${name} ยังไม่ใช่แบบฟอร์มที่ใช้ได้ (ต้องแก้ ${result.problems.length} จุด) จึงไม่ได้เขียน ${out}`,
        `${name} is not a usable form yet (${countEn(result.problems.length, "problem")} to fix); ${out} was not written`
      )
    );
  }
  const form = loadFormDef(result.form, name); // checked again as every form file is
  const json = formFileText(result.form);
  await writeBytesAtomic(out, new TextEncoder().encode(json));
  io.out(
    `เขียนไฟล์แบบฟอร์มแล้ว / Form file written: ${out} (${formLabel(form)}, ปี / FY ${form.fiscalYear}, ${countEn(form.items.length, "item")})\n`
  );
  return 0;
}
