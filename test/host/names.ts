/**
 * Worksheet names as Excel allows them ("Rename a worksheet",
 * https://support.microsoft.com/office/rename-a-worksheet-3f1f7148-ee83-404d-8ef0-9ff99fbad1f9): not
 * blank, at most 31 characters, none of / \ ? * : [ ], not starting or ending with an apostrophe, not
 * "History" (reserved). Names are compared without regard to case. A name Excel refuses fails the
 * request with InvalidArgument; a name already taken with ItemAlreadyExists.
 */
import type ExcelJS from "exceljs";
import { officeError } from "./errors";

export function checkSheetName(name: string): void {
  const bad =
    name.trim() === ""
      ? "is blank"
      : name.length > 31
        ? `has ${name.length} characters (at most 31)`
        : /[/\\?*:[\]]/.test(name)
          ? "contains one of / \\ ? * : [ ]"
          : name.startsWith("'") || name.endsWith("'")
            ? "starts or ends with an apostrophe"
            : name.toLowerCase() === "history"
              ? 'is "History", which Excel reserves'
              : null;
  if (bad) throw officeError("InvalidArgument", `The sheet name "${name}" ${bad}`);
}

export function checkFreeName(wb: ExcelJS.Workbook, name: string, self?: ExcelJS.Worksheet): void {
  const taken = wb.worksheets.find(
    (w) => w !== self && w.name.toLowerCase() === name.toLowerCase()
  );
  if (taken) throw officeError("ItemAlreadyExists", `A sheet named "${taken.name}" already exists`);
}
