/**
 * The layers of ARCHITECTURE.md are kept by the tools, not by habit: the lint refuses an import that
 * crosses a layer (eslint.config.mjs), and no module of src/ imports itself through others.
 */
import { execFileSync } from "child_process";
import { readdirSync, readFileSync, statSync } from "fs";
import path from "path";
import ts from "typescript";

const ROOT = path.join(__dirname, "../..");

/**
 * The rules the project's lint reports for each probe (file path, code), linted as if the file were
 * there. ESLint loads its flat config with import(), which Jest's module sandbox refuses: it runs in a
 * child process, once for all probes.
 */
function lint(probes: [string, string][]): string[][] {
  const script = `
    const { ESLint } = require("eslint");
    const probes = JSON.parse(process.argv[1]);
    (async () => {
      const eslint = new ESLint({ cwd: ${JSON.stringify(ROOT)} });
      const out = [];
      for (const [file, code] of probes) {
        const [r] = await eslint.lintText(code, { filePath: require("path").join(${JSON.stringify(ROOT)}, file) });
        out.push(r.messages.map((m) => m.ruleId || m.message));
      }
      process.stdout.write(JSON.stringify(out));
    })();`;
  return JSON.parse(
    execFileSync(process.execPath, ["-e", script, JSON.stringify(probes)], {
      cwd: ROOT,
      encoding: "utf8",
    })
  );
}

describe("layers", () => {
  it("the lint refuses a domain file that imports fs or uses document, and a pane file that imports the workbook writers or the reader's internals", () => {
    const [
      fs,
      doc,
      xlsx,
      allowed,
      write,
      writeOnDemand,
      zip,
      paneFs,
      paneAllowed,
      formWriter,
      sampleExcelJs,
    ] = lint([
      [
        "src/domain/probe.ts",
        'import { readFileSync } from "fs";\nexport const x = readFileSync;\n',
      ],
      ["src/domain/probe.ts", "export const x = () => document.title;\n"],
      [
        "src/domain/report/probe.ts",
        'import { openXlsx } from "../../xlsx/read/xlsxRead";\nexport const x = openXlsx;\n',
      ],
      // What the domain may import: itself and zod.
      [
        "src/domain/probe.ts",
        'import { msg } from "./text";\nimport { z } from "zod";\nexport const x = [msg, z];\n',
      ],
      [
        "src/taskpane/probe.ts",
        'import { writeSummaryFile } from "../xlsx/write/writeSummary";\nexport const x = writeSummaryFile;\n',
      ],
      [
        "src/taskpane/merge/probe.ts",
        'export const x = () => import("../../xlsx/write/writeSummary");\n',
      ],
      [
        "src/taskpane/probe.ts",
        'import { listZip } from "../xlsx/read/zip";\nexport const x = listZip;\n',
      ],
      [
        "src/taskpane/probe.ts",
        'import { readFileSync } from "fs";\nexport const x = readFileSync;\n',
      ],
      // The pane's ways in: the use cases, and the two read entry points.
      [
        "src/taskpane/probe.ts",
        'import { mergeRead } from "../app/mergeSession";\nimport { fflateInflate } from "../xlsx/read/fflateInflate";\nimport { sampleBookBytes } from "../xlsx/write/sampleBook";\nexport const x = [mergeRead, fflateInflate, sampleBookBytes];\n',
      ],
      // The read workers' sample writer is the only writer the pane loads, and it loads no ExcelJS.
      [
        "src/taskpane/merge/probe.ts",
        'import { writeFormWorkbook } from "../../xlsx/write/writeForm";\nexport const x = writeFormWorkbook;\n',
      ],
      [
        "src/xlsx/write/sampleBook.ts",
        'import ExcelJS from "exceljs";\nexport const x = ExcelJS;\n',
      ],
    ]);
    expect(fs).toEqual(["no-restricted-imports"]);
    expect(doc).toEqual(["no-restricted-globals"]);
    expect(xlsx).toEqual(["no-restricted-imports"]);
    expect(allowed).toEqual([]);
    expect(write).toContain("no-restricted-imports");
    expect(writeOnDemand).toEqual(["no-restricted-syntax"]);
    expect(zip).toEqual(["no-restricted-imports"]);
    expect(paneFs).toEqual(["no-restricted-imports"]);
    expect(paneAllowed).toEqual([]);
    expect(formWriter).toContain("no-restricted-imports");
    expect(sampleExcelJs).toEqual(["no-restricted-imports"]);
  });

  it("no module of src/ imports itself through others (no import circles, type imports included)", () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = path.join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.tsx?$/.test(name)) files.push(p);
      }
    };
    walk(path.join(ROOT, "src"));
    expect(files.length).toBeGreaterThan(150);
    const resolve = (from: string, spec: string): string | null => {
      if (!spec.startsWith(".")) return null;
      const base = path.resolve(path.dirname(from), spec);
      for (const c of [`${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")])
        if (files.includes(c)) return c;
      return null;
    };
    const edges = new Map<string, string[]>();
    for (const f of files) {
      const info = ts.preProcessFile(readFileSync(f, "utf8"), true, true);
      edges.set(
        f,
        info.importedFiles.map((i) => resolve(f, i.fileName)).filter((x): x is string => x !== null)
      );
    }
    // Barrels (index.ts) re-export a folder: an import through one is an edge to each module it names.
    const circles: string[] = [];
    const state = new Map<string, "open" | "done">();
    const stack: string[] = [];
    const visit = (f: string) => {
      state.set(f, "open");
      stack.push(f);
      for (const g of edges.get(f) ?? []) {
        if (state.get(g) === "open") {
          const loop = stack.slice(stack.indexOf(g)).concat(g);
          if (!loop.some((x) => x.endsWith("index.ts")))
            circles.push(loop.map((x) => path.relative(ROOT, x)).join(" → "));
        } else if (!state.has(g)) visit(g);
      }
      stack.pop();
      state.set(f, "done");
    };
    for (const f of files) if (!state.has(f)) visit(f);
    expect(circles).toEqual([]);
  });
});
