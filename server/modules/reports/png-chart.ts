import zlib from 'node:zlib';

// Charts for the printed report are drawn here as PNG, with no browser and no native rasteriser: a bar chart is
// rectangles and numbers, which a pixel buffer, a 5×7 digit font and node:zlib handle. Category names are printed by
// the document under the picture (Word renders Vietnamese text far better than a bitmap font would).

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) {
      c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    }
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A truecolour RGB image. */
export class Canvas {
  readonly pixels: Uint8Array;

  constructor(
    readonly width: number,
    readonly height: number,
    background: [number, number, number] = [255, 255, 255],
  ) {
    this.pixels = new Uint8Array(width * height * 3);
    for (let i = 0; i < width * height; i++) {
      this.pixels.set(background, i * 3);
    }
  }

  fillRect(x: number, y: number, w: number, h: number, rgb: [number, number, number]): void {
    const x0 = Math.max(0, Math.round(x));
    const y0 = Math.max(0, Math.round(y));
    const x1 = Math.min(this.width, Math.round(x + w));
    const y1 = Math.min(this.height, Math.round(y + h));
    for (let yy = y0; yy < y1; yy++) {
      for (let xx = x0; xx < x1; xx++) {
        this.pixels.set(rgb, (yy * this.width + xx) * 3);
      }
    }
  }

  /** Digits, comma, dot and minus in a 5×7 font scaled by `scale`, centred on `cx`, top at `y`. */
  drawNumber(text: string, cx: number, y: number, scale: number, rgb: [number, number, number]): void {
    const glyphs = [...text].map((ch) => GLYPHS[ch]).filter((g): g is string[] => g !== undefined);
    const advance = 6 * scale;
    let x = cx - (glyphs.length * advance - scale) / 2;
    for (const glyph of glyphs) {
      glyph.forEach((row, r) => {
        [...row].forEach((bit, c) => {
          if (bit === '1') {
            this.fillRect(x + c * scale, y + r * scale, scale, scale, rgb);
          }
        });
      });
      x += advance;
    }
  }

  toPng(): Buffer {
    const stride = this.width * 3;
    const raw = Buffer.alloc((stride + 1) * this.height);
    for (let y = 0; y < this.height; y++) {
      raw[y * (stride + 1)] = 0; // filter: none
      raw.set(this.pixels.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
    }
    const header = Buffer.alloc(13);
    header.writeUInt32BE(this.width, 0);
    header.writeUInt32BE(this.height, 4);
    header[8] = 8; // bit depth
    header[9] = 2; // truecolour
    return Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', header),
      chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
      chunk('IEND', Buffer.alloc(0)),
    ]);
  }
}

const GLYPHS: Record<string, string[]> = {
  '0': ['01110', '10001', '10011', '10101', '11001', '10001', '01110'],
  '1': ['00100', '01100', '00100', '00100', '00100', '00100', '01110'],
  '2': ['01110', '10001', '00001', '00010', '00100', '01000', '11111'],
  '3': ['11111', '00010', '00100', '00010', '00001', '10001', '01110'],
  '4': ['00010', '00110', '01010', '10010', '11111', '00010', '00010'],
  '5': ['11111', '10000', '11110', '00001', '00001', '10001', '01110'],
  '6': ['00110', '01000', '10000', '11110', '10001', '10001', '01110'],
  '7': ['11111', '00001', '00010', '00100', '01000', '01000', '01000'],
  '8': ['01110', '10001', '10001', '01110', '10001', '10001', '01110'],
  '9': ['01110', '10001', '10001', '01111', '00001', '00010', '01100'],
  ',': ['00000', '00000', '00000', '00000', '00110', '00100', '01000'],
  '.': ['00000', '00000', '00000', '00000', '00000', '01100', '01100'],
  '-': ['00000', '00000', '00000', '11111', '00000', '00000', '00000'],
  '%': ['11001', '11010', '00010', '00100', '01000', '01011', '10011'],
};

export const SERIES_COLOURS: [number, number, number][] = [
  [178, 34, 34],
  [230, 160, 60],
  [70, 110, 160],
];

export interface BarGroup {
  /** One value per series. */
  values: number[];
}

/**
 * A grouped bar chart: one group per category, one bar per series, each bar with its value above it, numbered
 * groups along the axis (1, 2, 3…) for the caption to name. Returns PNG bytes and the pixel size.
 */
export function barChartPng(
  groups: BarGroup[],
  options: { width?: number; height?: number; format?: (n: number) => string } = {},
): { png: Buffer; width: number; height: number } {
  const width = options.width ?? 1200;
  const height = options.height ?? 600;
  const format = options.format ?? String;
  const canvas = new Canvas(width, height);
  const left = 40;
  const right = 20;
  const top = 60;
  const bottom = 70;
  const plotH = height - top - bottom;
  const max = Math.max(1, ...groups.flatMap((g) => g.values));
  // Grid lines at quarters of the maximum.
  for (let q = 0; q <= 4; q++) {
    const y = top + plotH - (plotH * q) / 4;
    canvas.fillRect(left, y, width - left - right, q === 0 ? 3 : 1, q === 0 ? [60, 60, 60] : [220, 220, 220]);
  }
  const groupW = (width - left - right) / Math.max(1, groups.length);
  const series = Math.max(1, ...groups.map((g) => g.values.length));
  const barW = Math.min(110, (groupW * 0.7) / series);
  groups.forEach((group, gi) => {
    const start = left + gi * groupW + (groupW - barW * series) / 2;
    group.values.forEach((value, si) => {
      const h = (plotH * value) / max;
      const x = start + si * barW;
      canvas.fillRect(x + 3, top + plotH - h, barW - 6, h, SERIES_COLOURS[si % SERIES_COLOURS.length]);
      canvas.drawNumber(format(value), x + barW / 2, top + plotH - h - 26, 3, [30, 30, 30]);
    });
    canvas.drawNumber(String(gi + 1), left + gi * groupW + groupW / 2, top + plotH + 18, 4, [30, 30, 30]);
  });
  return { png: canvas.toPng(), width, height };
}
