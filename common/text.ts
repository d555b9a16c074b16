/**
 * Folds Vietnamese text for search: no diacritics, no case, `đ` as `d`, collapsed spaces.
 * Tone-mark placement (`hoà` / `hòa`) folds to the same key because every mark is dropped.
 */
export function foldVietnamese(text: string): string {
  return (
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      // Đ (U+0110) and the look-alike Ð (U+00D0) that some keyboards and old files produce.
      .replace(/[đĐðÐ]/g, 'd')
      .toLowerCase()
      .replace(/\s+/g, ' ')
      .trim()
  );
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** Vietnamese ordering (PGlite has no tailored collation, so sorting for people happens here). */
export function compareVietnamese(a: string, b: string): number {
  return collator.compare(a, b);
}
