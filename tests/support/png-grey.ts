import zlib from 'node:zlib';

/**
 * An 8-bit greyscale or RGB, non-interlaced PNG (what `pdftoppm -png` writes) decoded to grey
 * pixels, so a page can be compared with a committed reference image without an image library.
 */
export function decodeGreyPng(file: Buffer): { width: number; height: number; pixels: Buffer } {
  if (file.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG');
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 1;
  const data: Buffer[] = [];
  while (offset < file.length) {
    const length = file.readUInt32BE(offset);
    const type = file.toString('latin1', offset + 4, offset + 8);
    const body = file.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      if (body[8] !== 8 || (body[9] !== 0 && body[9] !== 2) || body[12] !== 0) throw new Error('only 8-bit greyscale or RGB, non-interlaced PNGs are read here');
      channels = body[9] === 2 ? 3 : 1;
    }
    if (type === 'IDAT') data.push(body);
    offset += 12 + length;
  }
  const samples = unfilter(zlib.inflateSync(Buffer.concat(data)), width * channels, height, channels);
  if (channels === 1) return { width, height, pixels: samples };
  const pixels = Buffer.alloc(width * height);
  for (let index = 0; index < pixels.length; index += 1) pixels[index] = Math.round((samples[3 * index]! + samples[3 * index + 1]! + samples[3 * index + 2]!) / 3);
  return { width, height, pixels };
}

/** PNG's per-row filters (none, sub, up, average, Paeth) over rows of `width` bytes, `step` bytes per pixel. */
function unfilter(raw: Buffer, width: number, height: number, step: number): Buffer {
  const pixels = Buffer.alloc(width * height);
  for (let row = 0; row < height; row += 1) {
    const filter = raw[row * (width + 1)]!;
    const line = raw.subarray(row * (width + 1) + 1, (row + 1) * (width + 1));
    for (let x = 0; x < width; x += 1) {
      const left = x >= step ? pixels[row * width + x - step]! : 0;
      const up = row > 0 ? pixels[(row - 1) * width + x]! : 0;
      const upLeft = x >= step && row > 0 ? pixels[(row - 1) * width + x - step]! : 0;
      const predictor = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter];
      if (predictor === undefined) throw new Error(`unknown PNG filter ${filter}`);
      pixels[row * width + x] = (line[x]! + predictor) & 0xff;
    }
  }
  return pixels;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  if (pa <= pb && pa <= pc) return a;
  return pb <= pc ? b : c;
}
