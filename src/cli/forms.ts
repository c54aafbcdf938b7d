import { existsSync, readFileSync, statSync } from "fs";
import {
  allForms,
  FormDef,
  compareForms,
  formDefById,
  formLabel,
  formYears,
  loadFormDef,
  msg,
} from "../domain";
import { parse, UserError } from "./args";
import type { Io } from "./io";

/**
 * Read a form file — JSON, or the workbook `ita form export` wrote (edited) — the whole file checked
 * before anything of it is used.
 */
export function loadFormDefFile(file: string): FormDef {
  if (/\.xlsx$/i.test(file)) return loadFormBook(file);
  let text: string;
  try {
    if (!statSync(file).isFile()) throw Object.assign(new Error(), { code: "EISDIR" });
    text = readFileSync(file, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? "error";
    throw new UserError(
      msg(`อ่านไฟล์แบบฟอร์ม ${file} ไม่ได้ (${code})`, `Cannot read the form file ${file} (${code})`)
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new UserError(
      msg(
        `ไฟล์แบบฟอร์ม ${file} ไม่ใช่ JSON ที่ถูกต้อง: ${(e as Error).message}`,
        `The form file ${file} is not valid JSON: ${(e as Error).message}`
      )
    );
  }
  return loadFormDef(data, file); // a FormDefError names the file and the path inside it
}

/** A form book (.xlsx) as a form: every problem named with its sheet and cell, or the form. */
function loadFormBook(file: string): FormDef {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(file));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? "error";
    throw new UserError(
      msg(`อ่านไฟล์แบบฟอร์ม ${file} ไม่ได้ (${code})`, `Cannot read the form file ${file} (${code})`)
    );
  }
  // The workbook reader loads only for a form book.
  const { readFormDefBytes } =
    require("../xlsx/read/formFile") as typeof import("../xlsx/read/formFile");
  const { nodeInflate } = require("../xlsx/nodeInflate") as typeof import("../xlsx/nodeInflate");
  const r = readFormDefBytes(file, bytes, nodeInflate);
  if (r.form) return r.form;
  const shown = r.problems.slice(0, 10);
  const more = r.problems.length - shown.length;
  throw new UserError(
    msg(
      [...shown.map((p) => p.th), ...(more > 0 ? [`… และอีก ${more} จุด`] : [])].join("\n"),
      [...shown.map((p) => p.en), ...(more > 0 ? [`… and ${more} more`] : [])].join("\n")
    )
  );
}

/**
 * What `--form` names: a form file (JSON), or a bundled form by id (its newest version), by
 * `ID@VERSION` or by version alone (`2567.1`).
 */
export function formOption(value: string): FormDef {
  if (existsSync(value) || /\.(json|xlsx)$/i.test(value)) return loadFormDefFile(value);
  const [id, version] = value.includes("@") ? value.split("@") : [null, null];
  const forms = allForms();
  const found = id
    ? formDefById(id, version!)
    : (forms.filter((f) => f.formId === value).pop() ?? forms.find((f) => f.version === value));
  if (found) return found;
  const known = forms.map((f) => `${f.formId}@${f.version}`).join(", ");
  throw new UserError(
    msg(
      `ไม่พบแบบฟอร์ม "${value}" (ไม่ใช่ไฟล์และไม่ใช่แบบฟอร์มที่มีในโปรแกรม: ${known})`,
      `No form "${value}" (neither a file nor a bundled form: ${known})`
    )
  );
}

/** `ita forms [--json] [--form FILE|ID …]`: the bundled forms and the given ones. */
export async function formsCmd(argv: string[], io: Io): Promise<number> {
  const { values } = parse(argv, {
    command: "ita forms",
    options: { json: { type: "boolean" }, form: { type: "string", multiple: true } },
    positionals: false,
  });
  const given = ((values.form as unknown as string[] | undefined) ?? []).map(formOption);
  const bundled = allForms();
  const rows = [
    ...bundled.map((f) => ({ f, source: "bundled" })),
    ...given.filter((f) => !bundled.includes(f)).map((f) => ({ f, source: "file" })),
  ].sort((a, b) => compareForms(a.f, b.f));
  const all = rows.map((r) => r.f);
  const list = rows.map(({ f, source }) => ({
    formId: f.formId,
    version: f.version,
    fiscalYear: f.fiscalYear,
    fiscalYears: formYears(f, all),
    title: f.title,
    items: f.items.length,
    weights: Object.fromEntries(f.tools.map((t) => [t.id, t.weight])),
    passMark: f.passMark,
    rounds: f.rounds,
    source,
  }));
  if (values.json) {
    io.out(`${JSON.stringify(list, null, 2)}\n`);
    return 0;
  }
  const lines = ["แบบฟอร์ม / Forms:"];
  list.forEach((r, i) => {
    lines.push(
      `  ${formLabel(rows[i].f).padEnd(24)} ปี / FY ${r.fiscalYears.padEnd(10)} ${String(r.items).padStart(3)} ข้อ / items  ${r.source === "bundled" ? "ในโปรแกรม / bundled" : "จากไฟล์ / from file"}`
    );
    lines.push(`      ${r.title.th}`);
    lines.push(`      ${r.title.en}`);
  });
  io.out(`${lines.join("\n")}\n`);
  return 0;
}
