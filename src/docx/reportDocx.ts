import {
  AlignmentType,
  Document,
  Footer,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { CentralReport, ReportGroup, ReportIndicator } from "../domain/report/reportModel";

/**
 * The central report as a Word document (the `docx` package; it also runs in the browser):
 * TH Sarabun New 16 pt, A4 portrait, numbered headings kept with what follows, and per indicator the
 * three-column table of the central summary (measure | summary of results | outcomes) whose header
 * row repeats on every page.
 */

const FONT = "TH Sarabun New";
const SIZE = 32; // half-points: 16 pt
const SMALL = 28; // 14 pt in the table's results columns

// A4 portrait in twips (1/1440 in), 2 cm margins (2.5 cm left for binding).
const PAGE = { width: 11906, height: 16838 };
const MARGIN = { top: 1134, bottom: 1134, left: 1418, right: 1134 };
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const COLS = [0.34, 0.3, 0.36].map((f) => Math.floor(TEXT_WIDTH * f));

/** A break opportunity after "/" ("คู่มือ/มาตรฐาน"): Thai line breaking otherwise cuts inside the next word. */
const breakable = (text: string) => text.replace(/\/(?=\S)/g, "/\u200B");

const run = (text: string, opts: { bold?: boolean; size?: number } = {}) =>
  new TextRun({
    text: breakable(text),
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
  } = {}
) =>
  new Paragraph({
    children: [run(text, opts)],
    keepNext: opts.keepNext,
    alignment: opts.align,
    indent: opts.indent ? { firstLine: 720 } : undefined,
    spacing: { after: 0 },
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

const cell = (
  lines: string[],
  width: number,
  opts: { bold?: boolean; shade?: boolean; span?: number; size?: number; keepNext?: boolean } = {}
) =>
  new TableCell({
    width: { size: width, type: WidthType.DXA },
    columnSpan: opts.span,
    shading: opts.shade ? { type: ShadingType.CLEAR, color: "auto", fill: "E7E6E6" } : undefined,
    margins: { left: 80, right: 80, top: 20, bottom: 20 },
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

function groupRows(g: ReportGroup): TableRow[] {
  const rows = [
    new TableRow({
      cantSplit: true,
      // keepNext in a row keeps it on the page of the row after it: a group's heading never ends a page.
      children: [cell([g.heading], TEXT_WIDTH, { bold: true, span: 3, keepNext: true })],
    }),
  ];
  for (const r of g.rows)
    rows.push(
      new TableRow({
        children: [
          cell([`${r.number} ${r.measure}`], COLS[0]),
          cell(r.summary, COLS[1], { size: SMALL }),
          cell(r.outcomes, COLS[2], { size: SMALL }),
        ],
      })
    );
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
        spacing: { before: 120 },
      })
    );
    for (const b of ind.belowPass) {
      out.push(para(b.label, { keepNext: true }));
      for (const u of b.units)
        out.push(
          para(
            `- ${u.unit} (${u.score.toFixed(2)} คะแนน)${u.did ? `: ${u.did}` : ": ไม่ได้ระบุมาตรการ"}`,
            { size: SMALL, indent: true }
          )
        );
    }
  }
  return out;
}

/** The Word document object (to pack in Node or in the browser). */
export function reportDocument(report: CentralReport): Document {
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
  body.push(new Paragraph({ children: [], spacing: { before: 480 } }));
  for (const line of report.closing) body.push(para(line, { align: AlignmentType.RIGHT }));
  if (report.missing)
    body.push(
      new Paragraph({ children: [], spacing: { before: 240 } }),
      para(report.missing, { size: SMALL })
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
