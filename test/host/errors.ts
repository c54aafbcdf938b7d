/** The errors the fake host throws, shaped like Office.js's `RichApi.Error` (with a `code`). */
export function officeError(code: string, message: string): Error & { code: string } {
  return Object.assign(new Error(message), { code, name: "RichApi.Error" });
}
