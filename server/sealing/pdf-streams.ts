import zlib from 'node:zlib';
import { dictOf, nameOf, type PdfObject, PdfSyntaxError, type PdfValue } from './pdf-syntax';

/** A decoded stream is at most this large: a compressed bomb in an upload is refused, not inflated. */
const maxDecoded = 16 * 1024 * 1024;

function numberIn(dict: Map<string, PdfValue> | null, key: string, fallback: number): number {
  const value = dict?.get(key);
  return value?.type === 'number' ? value.value : fallback;
}

function paeth(left: number, up: number, upLeft: number): number {
  const estimate = left + up - upLeft;
  const [a, b, c] = [Math.abs(estimate - left), Math.abs(estimate - up), Math.abs(estimate - upLeft)];
  return a <= b && a <= c ? left : b <= c ? up : upLeft;
}

/** PNG row predictors (ISO 32000-1 §7.4.4.4, /Predictor 10–15), as cross-reference streams are usually written. */
function undoPngPredictor(data: Buffer, columns: number, bytesPerPixel: number): Buffer {
  const rowLength = columns * bytesPerPixel;
  const rows = Math.floor(data.length / (rowLength + 1));
  const out = Buffer.alloc(rows * rowLength);
  for (let row = 0; row < rows; row += 1) {
    const type = data[row * (rowLength + 1)]!;
    for (let column = 0; column < rowLength; column += 1) {
      const raw = data[row * (rowLength + 1) + 1 + column]!;
      const left = column >= bytesPerPixel ? out[row * rowLength + column - bytesPerPixel]! : 0;
      const up = row > 0 ? out[(row - 1) * rowLength + column]! : 0;
      const upLeft = row > 0 && column >= bytesPerPixel ? out[(row - 1) * rowLength + column - bytesPerPixel]! : 0;
      const predicted = [0, left, up, Math.floor((left + up) / 2), paeth(left, up, upLeft)][type];
      if (predicted === undefined) throw new PdfSyntaxError(`unknown PNG predictor ${type}`);
      out[row * rowLength + column] = (raw + predicted) & 0xff;
    }
  }
  return out;
}

/** A stream's data with its filter undone: none or FlateDecode (with a PNG predictor); anything else is null. */
export function decodeStream(object: PdfObject | null): Buffer | null {
  if (!object?.stream) return null;
  const dict = dictOf(object.value);
  const filter = dict?.get('Filter');
  const name = filter?.type === 'array' && filter.items.length === 1 ? nameOf(filter.items[0]) : nameOf(filter);
  if (!filter) return object.stream;
  if (name !== 'FlateDecode') return null;
  let data: Buffer;
  try {
    data = zlib.inflateSync(object.stream, { maxOutputLength: maxDecoded });
  } catch {
    return null;
  }
  const parameters = dict?.get('DecodeParms');
  const parms = dictOf(parameters?.type === 'array' ? parameters.items[0] : parameters);
  const predictor = numberIn(parms, 'Predictor', 1);
  if (predictor < 10) return predictor === 1 ? data : null;
  return undoPngPredictor(data, numberIn(parms, 'Columns', 1), Math.max(1, Math.ceil((numberIn(parms, 'Colors', 1) * numberIn(parms, 'BitsPerComponent', 8)) / 8)));
}
