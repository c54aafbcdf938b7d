import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from "docx";
import { linesInRoom } from "../domain/layout/textMetrics";
import { CentralReport, ReportGroup, ReportIndicator } from "../domain/report/reportModel";
import { REPORT_PROPERTY } from "../domain/report/mark";
import { wordsOf } from "../domain/wordBreak";

/**
 * The central report as a Word document (the `docx` package; it also runs in the browser):
 * A4 landscape as the central office's summary is (seed 000: three columns of 45–65 characters a
 * line), TH Sarabun New 16 pt (14 pt in the table), numbered headings kept with what follows, and per
 * indicator the three-column table of the central summary (measure | summary of results | outcomes)
 * whose header row repeats on every page.
 */

const FONT = "TH Sarabun New";
const SIZE = 32; // half-points: 16 pt
const SMALL = 28; // 14 pt in the table

// A4 landscape in twips (1/1440 in), 2 cm margins.
const PAGE = { width: 11906, height: 16838, orientation: PageOrientation.LANDSCAPE };
const MARGIN = { top: 1134, bottom: 1134, left: 1134, right: 1134 };
const TEXT_WIDTH = PAGE.height - MARGIN.left - MARGIN.right;
const COLS = [0.3, 0.33, 0.37].map((f) => Math.floor(TEXT_WIDTH * f));
/** A table cell's left and right margins, twips. */
const CELL_MARGIN = 80;
/** Twips to points. */
const pt = (twips: number) => twips / 20;

/**
 * A break opportunity after "/" ("คู่มือ/มาตรฐาน"): Thai line breaking otherwise cuts inside the next
 * word; and none before the repetition mark, which belongs to the word before it ("ต่าง ๆ" never
 * leaves "ๆ" to start a line).
 */
const breakable = (text: string) =>
  text.replace(/\/(?=\S)/g, "/\u200B").replace(/[ \t]+ๆ/g, "\u00A0ๆ");

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * A function that keeps the units' names whole on a line: a word joiner (U+2060, invisible) between
 * the words of each name, so that Word and LibreOffice do not break "บางบอน" after "บาง".
 */
function nameKeeper(names: readonly string[]): (text: string) => string {
  const joined = new Map<string, string>();
  for (const n of names) {
    const parts = wordsOf(n);
    if (parts.length > 1 && !/\s/u.test(n)) joined.set(n, parts.join("\u2060"));
  }
  if (!joined.size) return (t) => t;
  const re = new RegExp(
    [...joined.keys()]
      .sort((a, b) => b.length - a.length)
      .map(escapeRe)
      .join("|"),
    "gu"
  );
  return (t) => t.replace(re, (m) => joined.get(m) ?? m);
}

/** The names of the report being written (set for the time of one `reportDocument` call). */
let keepNames: (text: string) => string = (t) => t;

const run = (text: string, opts: { bold?: boolean; size?: number } = {}) =>
  new TextRun({
    text: breakable(keepNames(text)),
    bold: opts.bold,
    size: opts.size ?? SIZE,
    sizeComplexScript: opts.size ?? SIZE,
    boldComplexScript: opts.bold,
  });

const para = (
  text: string,
  opts: {
    bold?: boolean;
    size?: number;
    keepNext?: boolean;
    indent?: boolean;
    align?: (typeof AlignmentType)[keyof typeof AlignmentType];
    /** Space above, in twentieths of a point. */
    before?: number;
  } = {}
) =>
  new Paragraph({
    children: [run(text, opts)],
    keepNext: opts.keepNext,
    alignment: opts.align,
    indent: opts.indent ? { firstLine: 720 } : undefined,
    spacing: { before: opts.before, after: 0 },
    // Widow and orphan control, as Word's own Normal style has it (the document's styles do not, so
    // neither Word nor LibreOffice would apply it): a paragraph of a row that goes on over a page
    // leaves no single line of it under the repeated header, nor alone at a page's foot.
    widowControl: true,
  });

/** A heading: bold body font (Word's heading styles bring their own theme fonts), in the outline. */
const heading = (text: string, level: number) =>
  new Paragraph({
    outlineLevel: level,
    children: [run(text, { bold: true })],
    keepNext: true,
    keepLines: true,
    spacing: { before: 160, after: 80 },
  });

const NO_LINE = { style: BorderStyle.NONE, size: 0, color: "auto" } as const;

const cell = (
  lines: string[],
  width: number,
  opts: {
    bold?: boolean;
    shade?: boolean;
    span?: number;
    size?: number;
    keepNext?: boolean;
    /** No line on this side: the cell goes on in the row above or below. */
    open?: "top" | "bottom";
    /** Its text at the foot of the cell (a text that goes on in the row below). */
    bottom?: boolean;
  } = {}
) =>
  new TableCell({
    width: { size: width, type: WidthType.DXA },
    columnSpan: opts.span,
    shading: opts.shade ? { type: ShadingType.CLEAR, color: "auto", fill: "E7E6E6" } : undefined,
    margins: { left: CELL_MARGIN, right: CELL_MARGIN, top: 20, bottom: 20 },
    borders: opts.open ? { [opts.open]: NO_LINE } : undefined,
    verticalAlign: opts.bottom ? VerticalAlignTable.BOTTOM : undefined,
    children: (lines.length ? lines : [""]).map((l) =>
      para(l, { bold: opts.bold, size: opts.size, keepNext: opts.keepNext })
    ),
  });

function headerRow(columns: readonly string[]): TableRow {
  return new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: columns.map((c, i) => cell([c], COLS[i], { bold: true, shade: true, size: SMALL })),
  });
}

/** A first row of a group at most this many lines is kept whole, so that the heading above it is never alone. */
const KEEP_WHOLE_LINES = 6;

/**
 * Any other row at most this many lines is kept whole too: split over a page, its last line or
 * word stood alone under the repeated header (widow control keeps a paragraph's lines, not a row's
 * cells). A longer row still goes on over the page rather than leave most of one empty.
 */
const KEEP_ROW_LINES = 12;

/** Lines a row takes: its tallest cell, each of its paragraphs wrapped in the column's width. */
function rowLines(cells: readonly (readonly string[])[]): number {
  return Math.max(
    ...cells.map((lines, i) => {
      return lines.reduce((n, l) => n + linesInRoom(l, room(i), { size: 14 }, 60), 0);
    })
  );
}

/** Lines of a long first row kept with the group's heading. */
const HEAD_LINES = 3;

/** Points of text a line of column k holds. */
const room = (k: number) => pt(COLS[k] - 2 * CELL_MARGIN) - 2;

/**
 * A cell's first `max` lines and the rest: whole paragraphs while they fit, then as many whole words
 * of the next as fill the lines left (a paragraph goes on in the row below, between two words —
 * never inside one). The lines are counted as the report's text is laid out (TH Sarabun New 14 pt in
 * the column's width), so the row of the first lines is as tall as its text and the rest follows it.
 */
function firstLines(
  paragraphs: readonly string[],
  k: number,
  max: number
): { head: string[]; rest: string[] } {
  const lines = (t: string) => linesInRoom(t, room(k), { size: 14 }, max + 1);
  const head: string[] = [];
  let used = 0;
  for (let p = 0; p < paragraphs.length; p++) {
    const n = lines(paragraphs[p]);
    if (used + n <= max) {
      head.push(paragraphs[p]);
      used += n;
      continue;
    }
    if (used < max) {
      // The most words of this paragraph that fit the lines left; cut at a space when there is one
      // on the last of those lines: the word breaker's words are parts of what a reader takes for
      // one ("ดำเนิน|การ", "หน่วย|งาน"), and a paragraph that goes on in the next row reads cut there.
      // (A space on an earlier line would leave lines of the row empty above the text.)
      const words = wordsOf(paragraphs[p]);
      const fits = (n: number) => used + lines(words.slice(0, n).join("")) <= max;
      let lo = 0;
      let hi = words.length;
      while (lo < hi) {
        const mid = Math.ceil((lo + hi) / 2);
        if (fits(mid)) lo = mid;
        else hi = mid - 1;
      }
      const filled = lines(words.slice(0, lo).join(""));
      for (let i = lo; i > 0; i--) {
        if (!/^\s/u.test(words[i] ?? "")) continue;
        if (lines(words.slice(0, i).join("")) === filled) lo = i;
        break;
      }
      const part = words.slice(0, lo).join("").trimEnd();
      if (part) {
        head.push(part);
        return {
          head,
          rest: [words.slice(lo).join("").trimStart(), ...paragraphs.slice(p + 1)],
        };
      }
    }
    return { head, rest: paragraphs.slice(p) };
  }
  return { head, rest: [] };
}

function groupRows(g: ReportGroup): TableRow[] {
  const rows = [
    new TableRow({
      cantSplit: true,
      // keepNext in a row keeps it on the page of the row after it: a group's heading never ends a page.
      children: [
        cell([g.heading], TEXT_WIDTH, { bold: true, span: 3, keepNext: true, size: SMALL }),
      ],
    }),
  ];
  g.rows.forEach((r, i) => {
    const cells = [[r.number ? `${r.number} ${r.measure}` : r.measure], r.summary, r.outcomes];
    // The heading row goes with the row after it (keepNext) only as far as that row's first line.
    // So the group's first row is kept whole when it is short, and when it is long its first lines
    // are a row kept whole (no rule below it) and the rest goes on in a row of its own. A text that
    // goes on sits at the foot of its first part: where the app breaks lines otherwise than counted
    // here (a line more or less in a column), the space falls above the text, not mid-sentence.
    if (i === 0 && rowLines(cells) > KEEP_WHOLE_LINES) {
      const parts = cells.map((c, k) => firstLines(c, k, HEAD_LINES));
      const head = parts.map((x) => x.head);
      const rest = parts.map((x) => x.rest);
      rows.push(
        new TableRow({
          cantSplit: true,
          children: head.map((c, k) =>
            cell(c, COLS[k], {
              size: SMALL,
              open: "bottom",
              bottom: rest[k].some((x) => x.trim()),
            })
          ),
        }),
        new TableRow({
          children: rest.map((c, k) => cell(c, COLS[k], { size: SMALL, open: "top" })),
        })
      );
      return;
    }
    rows.push(
      new TableRow({
        cantSplit: i === 0 || rowLines(cells) <= KEEP_ROW_LINES ? true : undefined,
        children: cells.map((c, k) => cell(c, COLS[k], { size: SMALL })),
      })
    );
  });
  if (g.references.length)
    rows.push(
      new TableRow({
        children: [
          cell(
            g.references.map((x) => `- ${x}`),
            TEXT_WIDTH,
            { span: 3, size: SMALL }
          ),
        ],
      })
    );
  return rows;
}

function indicatorBlock(
  ind: ReportIndicator,
  columns: readonly string[],
  belowPassHeading: string
): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [heading(ind.heading, 1)];
  if (ind.groups.length)
    out.push(
      new Table({
        width: { size: TEXT_WIDTH, type: WidthType.DXA },
        columnWidths: COLS,
        layout: TableLayoutType.FIXED,
        rows: [headerRow(columns), ...ind.groups.flatMap(groupRows)],
      })
    );
  else out.push(para("ไม่มีหน่วยงานรายงานมาตรการของตัวชี้วัดนี้"));
  if (ind.belowPass.length) {
    out.push(
      new Paragraph({
        children: [run(belowPassHeading, { bold: true })],
        keepNext: true,
        keepLines: true,
        spacing: { before: 160, after: 40 },
      })
    );
    for (const b of ind.belowPass) {
      out.push(
        new Paragraph({
          children: [run(b.heading, { bold: true })],
          keepNext: true,
          keepLines: true,
          spacing: { before: 80 },
        })
      );
      for (const it of b.items)
        out.push(para(`${it.label}: ${it.units}`, { keepNext: true, indent: true }));
      for (const line of b.lines) out.push(para(line, { indent: true }));
    }
  }
  return out;
}

/** The Word document object (to pack in Node or in the browser). */
export function reportDocument(report: CentralReport): Document {
  keepNames = nameKeeper(report.unitNames);
  try {
    return buildDocument(report);
  } finally {
    keepNames = (t) => t;
  }
}

function buildDocument(report: CentralReport): Document {
  const body: (Paragraph | Table)[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [run(report.title, { bold: true, size: 36 })],
      spacing: { after: 200 },
    }),
    ...report.opening.map((p) => para(p, { indent: true })),
    // Results since the 6-month report (issue 26).
    ...(report.sinceRound6 ?? []).map((p) => para(p, { indent: true })),
  ];
  if (report.changes)
    body.push(
      heading(report.changes.heading, 0),
      ...report.changes.paragraphs.map((p) =>
        para(p.text, p.list ? { size: SMALL, indent: true } : { indent: true })
      )
    );
  report.tools.forEach((t, i) => {
    body.push(heading(`${i + 1}. ${t.heading}`, 0));
    for (const ind of t.indicators)
      body.push(...indicatorBlock(ind, report.columns, report.belowPassHeading));
  });
  // The notes and the list of units not heard from, then the office's name last, as a letter ends.
  report.notes.forEach((n, i) => body.push(para(n, { size: SMALL, before: i === 0 ? 240 : 0 })));
  if (report.missing) body.push(para(report.missing, { size: SMALL, before: 120 }));
  // The closing's space above it is its own first line's, not an empty line's: after a table that
  // fills its page, the office's name then needs little more than its own line to stay on that page.
  report.closing.forEach((line, i) =>
    body.push(
      para(line, {
        align: AlignmentType.RIGHT,
        before: i === 0 ? 360 : undefined,
        keepNext: i < report.closing.length - 1,
      })
    )
  );

  const runStyle = {
    font: { ascii: FONT, hAnsi: FONT, cs: FONT, eastAsia: FONT },
    size: SIZE,
    sizeComplexScript: SIZE,
    color: "000000",
  };
  return new Document({
    creator: report.closing.join(" "),
    title: report.title,
    customProperties: [REPORT_PROPERTY],
    styles: {
      default: {
        document: { run: runStyle },
      },
    },
    sections: [
      {
        properties: { page: { size: PAGE, margin: MARGIN } },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ children: [PageNumber.CURRENT], size: 28, sizeComplexScript: 28 }),
                ],
              }),
            ],
          }),
        },
        children: body,
      },
    ],
  });
}

/** The .docx bytes of the report. */
export async function reportDocxBytes(report: CentralReport): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(reportDocument(report)));
}
