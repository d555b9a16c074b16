import JSZip from 'jszip';

export interface DocxContent {
  /** word/document.xml as stored. */
  xml: string;
  /** The text of each paragraph, runs joined, in document order (table cells are paragraphs too). */
  paragraphs: string[];
  /** Paths of the embedded media (images). */
  media: Map<string, Buffer>;
}

const decode = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** Opens a DOCX as Word would read it: unzips it and reads the paragraphs' text out of the XML. */
export async function readDocx(data: Buffer): Promise<DocxContent> {
  const zip = await JSZip.loadAsync(data);
  const xml = await zip.file('word/document.xml')!.async('string');
  const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) =>
    [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map(([, t]) => decode(t)).join(''),
  );
  const media = new Map<string, Buffer>();
  for (const name of Object.keys(zip.files).filter((n) => n.startsWith('word/media/'))) {
    media.set(name, await zip.file(name)!.async('nodebuffer'));
  }
  return { xml, paragraphs, media };
}

/** The XML of the paragraph whose text is exactly `text` (to check its font, size, bold, italic). */
export function paragraphXml(content: DocxContent, text: string): string | undefined {
  return [...content.xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .map(([p]) => p)
    .find((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map(([, t]) => decode(t)).join('') === text);
}
