import {
  AlignmentType,
  BorderStyle,
  Document,
  ImageRun,
  Packer,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IRunOptions,
} from 'docx';
import { barChartPng } from './png-chart';

// A report in the format of Hướng dẫn 36-HD/VPTW (DOMAIN-NOTES §5): Times New Roman, A4, margins 20/20/30/15 mm;
// top left the superior body (14 pt capitals), the issuing body (14 pt bold), a star and "Số 12-BC/TU"; top right
// "ĐẢNG CỘNG SẢN VIỆT NAM" (15 pt bold) over a rule of its own length and the italic place and date (14 pt); the type
// BÁO CÁO (16 pt bold) and the subject line (14 pt bold) centred; the body in 14 pt; "Nơi nhận" and the signature.

const FONT = 'Times New Roman';
const MM = 56.7; // twips per millimetre
const A4 = { width: 11906, height: 16838 };
const MARGIN = {
  top: Math.round(20 * MM),
  bottom: Math.round(20 * MM),
  left: Math.round(30 * MM),
  right: Math.round(15 * MM),
};
const TEXT_WIDTH = A4.width - MARGIN.left - MARGIN.right; // 9355 twips, 165 mm
const LEFT_COL = 4100;
const RIGHT_COL = TEXT_WIDTH - LEFT_COL;

export interface PartyDocumentHeader {
  superior: string;
  issuer: string;
  /** "Số 12-BC/TU" is printed from this symbol ("12-BC/TU"). */
  symbol: string;
  /** "Cà Mau, ngày 20 tháng 8 năm 2019". */
  placeAndDate: string;
}

export type BodyBlock =
  | { kind: 'heading'; text: string; level: 1 | 2 }
  | { kind: 'paragraph'; text: string; italic?: boolean }
  | { kind: 'table'; title?: string; columns: string[]; rows: (string | number)[][]; numeric?: boolean[] }
  | {
      kind: 'chart';
      title: string;
      categories: string[];
      series: string[];
      values: number[][];
      format?: (n: number) => string;
    };

export interface PartyDocumentSpec {
  header: PartyDocumentHeader;
  /** BÁO CÁO, KẾ HOẠCH… */
  typeName: string;
  subject: string;
  body: BodyBlock[];
  signature: { authority: string; title: string; name: string | null };
  recipients: string[];
  /** Document properties. */
  author?: string;
}

const pt = (size: number) => size * 2;

function run(text: string, size: number, options: Omit<IRunOptions, 'text' | 'size' | 'font'> = {}): TextRun {
  return new TextRun({ text, size: pt(size), font: FONT, ...options });
}

function centred(children: (TextRun | ImageRun)[], options: { before?: number; after?: number } = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: options.before ?? 0, after: options.after ?? 0 },
    children,
  });
}

function headerTable(header: PartyDocumentHeader): Table {
  const left = [
    ...(header.superior ? [centred([run(header.superior, 14)])] : []),
    centred([run(header.issuer, 14, { bold: true })]),
    centred([run('*', 14)]),
    centred([run(`Số ${header.symbol}`, 14)]),
  ];
  // The rule under "ĐẢNG CỘNG SẢN VIỆT NAM" is as long as the line: a bottom border with the paragraph indented
  // on both sides by what the cell has beyond the text (about 83 mm of 15 pt bold capitals).
  const ruleIndent = Math.max(0, Math.round((RIGHT_COL - 83 * MM) / 2));
  const right = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      indent: { left: ruleIndent, right: ruleIndent },
      border: { bottom: { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 1 } },
      children: [run('ĐẢNG CỘNG SẢN VIỆT NAM', 15, { bold: true })],
    }),
    centred([run(header.placeAndDate, 14, { italics: true })], { before: 240 }),
  ];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [LEFT_COL, RIGHT_COL],
    borders: TableBorders.NONE,
    rows: [
      new TableRow({
        children: [
          new TableCell({ width: { size: LEFT_COL, type: WidthType.DXA }, children: left }),
          new TableCell({ width: { size: RIGHT_COL, type: WidthType.DXA }, children: right }),
        ],
      }),
    ],
  });
}

function bodyParagraph(text: string, options: { bold?: boolean; italic?: boolean } = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: Math.round(10 * MM) },
    spacing: { before: 60, after: 60, line: 300 },
    children: [run(text, 14, { bold: options.bold, italics: options.italic })],
  });
}

const cellBorder = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

function dataTable(block: Extract<BodyBlock, { kind: 'table' }>): (Paragraph | Table)[] {
  const widths = block.columns.map((_, i) =>
    i === 0 ? Math.round(TEXT_WIDTH * 0.46) : Math.round((TEXT_WIDTH * 0.54) / (block.columns.length - 1)),
  );
  const cell = (text: string, i: number, isHeader: boolean) =>
    new TableCell({
      width: { size: widths[i], type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      children: [
        new Paragraph({
          alignment: isHeader ? AlignmentType.CENTER : block.numeric?.[i] ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children: [run(text, 13, { bold: isHeader })],
        }),
      ],
    });
  const table = new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    borders: {
      top: cellBorder,
      bottom: cellBorder,
      left: cellBorder,
      right: cellBorder,
      insideHorizontal: cellBorder,
      insideVertical: cellBorder,
    },
    rows: [
      new TableRow({ tableHeader: true, children: block.columns.map((c, i) => cell(c, i, true)) }),
      ...block.rows.map((row) => new TableRow({ children: row.map((value, i) => cell(String(value), i, false)) })),
    ],
  });
  return [
    ...(block.title ? [centred([run(block.title, 13, { bold: true })], { before: 120, after: 80 })] : []),
    table,
    new Paragraph({ spacing: { after: 60 }, children: [] }),
  ];
}

function chart(block: Extract<BodyBlock, { kind: 'chart' }>): Paragraph[] {
  const { png, width, height } = barChartPng(
    block.values.map((values) => ({ values })),
    { format: block.format },
  );
  const shownWidth = 560;
  const legend = block.series.map((name, i) => `${['cột đỏ', 'cột cam', 'cột xanh'][i] ?? `cột ${i + 1}`}: ${name}`);
  const names = block.categories.map((name, i) => `(${i + 1}) ${name}`).join('; ');
  return [
    centred([run(block.title, 13, { bold: true })], { before: 120, after: 60 }),
    centred(
      [
        new ImageRun({
          type: 'png',
          data: png,
          transformation: { width: shownWidth, height: Math.round((shownWidth * height) / width) },
          altText: { name: block.title, description: `${block.title}: ${names}`, title: block.title },
        }),
      ],
      { after: 40 },
    ),
    centred([run(`${names} — ${legend.join(', ')}.`, 12, { italics: true })], { after: 120 }),
  ];
}

function signatureTable(spec: PartyDocumentSpec): Table {
  const left = [
    new Paragraph({ children: [run('Nơi nhận:', 14, { bold: true, italics: true, underline: {} })] }),
    ...spec.recipients.map((line) => new Paragraph({ children: [run(`- ${line}`, 12)] })),
  ];
  const right = [
    centred([run(spec.signature.authority, 14, { bold: true })]),
    centred([run(spec.signature.title, 14, { bold: true })]),
    ...[1, 2, 3, 4].map(() => centred([run('', 14)])),
    centred([run(spec.signature.name ?? '', 14, { bold: true })]),
  ];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [LEFT_COL, RIGHT_COL],
    borders: TableBorders.NONE,
    rows: [
      new TableRow({
        cantSplit: true,
        children: [
          new TableCell({ width: { size: LEFT_COL, type: WidthType.DXA }, children: left }),
          new TableCell({ width: { size: RIGHT_COL, type: WidthType.DXA }, children: right }),
        ],
      }),
    ],
  });
}

/** Builds the DOCX bytes of one Party-format document. */
export async function buildPartyDocument(spec: PartyDocumentSpec): Promise<Buffer> {
  const body: (Paragraph | Table)[] = [];
  for (const block of spec.body) {
    switch (block.kind) {
      case 'heading':
        body.push(bodyParagraph(block.text, { bold: true, italic: block.level === 2 }));
        break;
      case 'paragraph':
        body.push(bodyParagraph(block.text, { italic: block.italic }));
        break;
      case 'table':
        body.push(...dataTable(block));
        break;
      case 'chart':
        body.push(...chart(block));
        break;
    }
  }
  const document = new Document({
    creator: spec.author ?? 'Lan Tỏa',
    title: `${spec.typeName} ${spec.subject}`,
    styles: { default: { document: { run: { font: FONT, size: pt(14) } } } },
    sections: [
      {
        properties: { page: { size: A4, margin: MARGIN } },
        children: [
          headerTable(spec.header),
          centred([run(spec.typeName, 16, { bold: true })], { before: 360 }),
          centred([run(spec.subject, 14, { bold: true })], { before: 40 }),
          centred([run('-----', 14)], { after: 240 }),
          ...body,
          new Paragraph({ spacing: { after: 240 }, children: [] }),
          signatureTable(spec),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
