/**
 * The JavaScript a page needs before it can render (issue 5: the dashboard's initial JavaScript ≤ 350 KB gzip): the
 * entry chunk of dist/web and every chunk it imports statically, plus the page's own chunk and its static imports.
 * Dynamic imports (ECharts, dialogs opened later) are not counted: they load after the first render. Sizes are gzip
 * at level 9, as a server compressing static files sends them.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export function initialJavaScript(
  webDir: string,
  pageChunk: RegExp,
): { shellKb: number; pageKb: number; files: number } {
  const html = fs.readFileSync(path.join(webDir, 'index.html'), 'utf8');
  const entry = /<script type="module"[^>]*src="\/([^"]+)"/.exec(html)?.[1];
  if (!entry) {
    throw new Error('dist/web/index.html has no module script');
  }
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) {
      return;
    }
    seen.add(file);
    const text = fs.readFileSync(path.join(webDir, file), 'utf8');
    // Static imports of the minified chunks: `import{…}from"./x.js"` and `import"./x.js"`; `import("./x.js")` is lazy.
    for (const match of text.matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) {
      visit(path.posix.join(path.posix.dirname(file), match[1]));
    }
  };
  visit(entry);
  const shell = new Set(seen);
  const page = fs.readdirSync(path.join(webDir, 'assets')).find((file) => pageChunk.test(file));
  if (!page) {
    throw new Error(`no chunk matches ${pageChunk}`);
  }
  visit(`assets/${page}`);
  const gzip = (files: Iterable<string>) =>
    [...files].reduce(
      (sum, file) => sum + zlib.gzipSync(fs.readFileSync(path.join(webDir, file)), { level: 9 }).length,
      0,
    ) / 1024;
  return { shellKb: gzip(shell), pageKb: gzip(seen), files: seen.size };
}
