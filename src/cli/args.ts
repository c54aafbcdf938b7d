import { parseArgs, ParseArgsConfig } from "util";
import { ReasonError } from "../domain/errors";
import { Msg, msg } from "../domain/text";
import { editDistance } from "../domain/unitMatch";

/** A problem with what the user asked for; exits with `exitCode` after printing the message. */
export class UserError extends ReasonError {
  constructor(
    reason: Msg,
    readonly exitCode = 2
  ) {
    super(reason);
  }
}

type Options = NonNullable<ParseArgsConfig["options"]>;

export interface CommandArgs {
  /** The command as the user types it, for messages: `ita scaffold`. */
  command: string;
  options: Options;
  /**
   * Whether the command takes arguments without an option before them (files, folders). A command
   * that takes none refuses them here; one that does checks their number itself.
   */
  positionals: boolean;
}

/** `-o/--out, --unit, --json`: the command's options, as the messages list them. */
export function optionList(options: Options): string {
  return Object.entries(options)
    .map(([name, o]) => (o.short ? `-${o.short}/--${name}` : `--${name}`))
    .join(", ");
}

/**
 * The known option nearest to what was typed (`--jsn` → `--json`, `-unit` → `--unit`, `--thr` →
 * `--threshold`): the fewest edits within a third of its length (at least one), or the only option
 * it begins; null when none is that close.
 */
export function nearestOption(typed: string, options: Options): string | null {
  const word = typed.replace(/^-+/, "").split("=")[0].toLowerCase();
  if (!word) return null;
  const names = Object.keys(options);
  const shortHit = Object.entries(options).find(([, o]) => o.short?.toLowerCase() === word);
  if (shortHit && !typed.startsWith("--")) return `-${shortHit[1].short}`;
  let best: { name: string; d: number } | null = null;
  for (const name of names) {
    const d = editDistance(word, name.toLowerCase());
    if (!best || d < best.d) best = { name, d };
  }
  if (best && best.d <= Math.max(1, Math.floor([...word].length / 3))) return `--${best.name}`;
  const starts = word.length >= 2 ? names.filter((n) => n.startsWith(word)) : [];
  return starts.length === 1 ? `--${starts[0]}` : null;
}

/**
 * The options and arguments of a command, checked: an unknown option (with the nearest known one,
 * or the command's options), an option without its value, a value given to a switch and, for a
 * command that takes none, an argument without an option are refused in Thai and English, naming
 * what was typed. Node's parser does the parsing; its English messages are never shown.
 */
export function parse(
  argv: string[],
  spec: CommandArgs
): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  const { command, options } = spec;
  const theirs = optionList(options);
  // Lenient first, to see every token as typed; each problem gets our own message.
  const { tokens } = parseArgs({
    args: argv,
    options,
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  for (const t of tokens) {
    if (t.kind === "option-terminator") continue;
    if (t.kind === "positional") {
      if (spec.positionals) continue;
      throw new UserError(
        msg(
          `${command} ไม่รับ "${t.value}" ที่ไม่มีตัวเลือกนำหน้า (ตัวเลือกของคำสั่งนี้: ${theirs})`,
          `${command} takes no argument without an option before it: "${t.value}" (its options: ${theirs})`
        )
      );
    }
    // As typed: `-unit` is one word, though Node reads it as -u -n -i -t.
    const typed = argv[t.index].split("=")[0];
    const known = Object.prototype.hasOwnProperty.call(options, t.name) ? options[t.name] : null;
    if (!known) {
      const near = nearestOption(typed, options);
      throw new UserError(
        near
          ? msg(
              `ไม่รู้จักตัวเลือก ${typed} ของ ${command} หมายถึง ${near} หรือไม่`,
              `Unknown option ${typed} for ${command}: did you mean ${near}?`
            )
          : msg(
              `ไม่รู้จักตัวเลือก ${typed} ของ ${command} (ตัวเลือกของคำสั่งนี้: ${theirs})`,
              `Unknown option ${typed} for ${command} (its options: ${theirs})`
            )
      );
    }
    if (known.type === "boolean" && t.value !== undefined)
      throw new UserError(
        msg(
          `ตัวเลือก ${t.rawName} ไม่รับค่า (พบ ${argv[t.index]}) ให้ใช้ ${t.rawName} เฉย ๆ`,
          `The option ${t.rawName} takes no value (got ${argv[t.index]}); give ${t.rawName} alone`
        )
      );
    if (known.type === "string") {
      if (t.value === undefined)
        throw new UserError(
          msg(
            `ตัวเลือก ${t.rawName} ต้องมีค่าตามหลัง แต่ไม่มีอะไรต่อจากนั้น`,
            `The option ${t.rawName} needs a value after it, and nothing follows`
          )
        );
      // Node takes `--unit --year` as a missing value too: a value cannot look like an option.
      if (!t.inlineValue && t.value.startsWith("-") && t.value.length > 1) {
        const next = t.value.split("=")[0];
        const isOption = Object.entries(options).some(
          ([name, o]) => next === `--${name}` || next === `-${o.short}`
        );
        throw new UserError(
          isOption
            ? msg(
                `ตัวเลือก ${t.rawName} ต้องมีค่าตามหลัง แต่ถัดไปเป็นตัวเลือก ${next}`,
                `The option ${t.rawName} needs a value after it, but the option ${next} follows`
              )
            : msg(
                `ตัวเลือก ${t.rawName} ต้องมีค่าตามหลัง แต่ถัดไปคือ ${t.value} (ค่าที่ขึ้นต้นด้วย - ให้เขียนติดกันเป็น ${t.rawName}=${t.value})`,
                `The option ${t.rawName} needs a value after it, but ${t.value} follows (a value that starts with "-" is written ${t.rawName}=${t.value})`
              )
        );
      }
    }
  }
  try {
    const r = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    return {
      values: r.values as Record<string, string | boolean | undefined>,
      positionals: r.positionals,
    };
  } catch (e) {
    // Whatever the checks above did not foresee: still in both languages, naming the command.
    throw new UserError(
      msg(
        `ตัวเลือกของ ${command} ไม่ถูกต้อง (ตัวเลือกของคำสั่งนี้: ${theirs}): ${(e as Error).message}`,
        `Invalid options for ${command} (its options: ${theirs}): ${(e as Error).message}`
      )
    );
  }
}

/** The one file a command takes (`ita validate FILE`); refused, naming what was given, otherwise. */
export function oneFile(positionals: string[], ext: string): string {
  if (positionals.length === 1) return positionals[0];
  const got = positionals.length
    ? msg(
        ` (ได้ ${positionals.length} ค่า: ${positionals.join(", ")})`,
        ` (got ${positionals.length}: ${positionals.join(", ")})`
      )
    : msg("", "");
  throw new UserError(
    msg(`ต้องระบุไฟล์ ${ext} หนึ่งไฟล์${got.th}`, `Give exactly one ${ext} file${got.en}`)
  );
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
