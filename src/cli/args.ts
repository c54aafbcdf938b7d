import { parseArgs, ParseArgsConfig } from "util";
import { ReasonError } from "../domain/errors";
import { Msg, msg } from "../domain/text";

/** A problem with what the user asked for; exits with `exitCode` after printing the message. */
export class UserError extends ReasonError {
  constructor(
    reason: Msg,
    readonly exitCode = 2
  ) {
    super(reason);
  }
}

export function parse(
  argv: string[],
  options: ParseArgsConfig["options"]
): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  try {
    const r = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    return {
      values: r.values as Record<string, string | boolean | undefined>,
      positionals: r.positionals,
    };
  } catch (e) {
    throw new UserError(
      msg(`ตัวเลือกไม่ถูกต้อง: ${(e as Error).message}`, `Invalid option: ${(e as Error).message}`)
    );
  }
}

export function numberOption(
  name: string,
  value: unknown,
  check: (n: number) => boolean,
  hint: Msg
): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || !check(n)) {
    throw new UserError(
      msg(`--${name} ${String(value)}: ${hint.th}`, `--${name} ${String(value)}: ${hint.en}`)
    );
  }
  return n;
}
