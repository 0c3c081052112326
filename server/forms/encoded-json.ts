import zlib from 'node:zlib';

export type BodyEncoding = 'br' | 'gzip' | 'identity';

/** The encoding to answer with: brotli before gzip, each only if the request accepts it (q > 0). */
export function chooseEncoding(acceptEncoding: string | undefined): BodyEncoding {
  const accepted = new Set<string>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((param) => param.trim()).find((param) => param.startsWith('q='));
    if (name && (q === undefined || Number(q.slice(2)) > 0)) accepted.add(name);
  }
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip')) return 'gzip';
  return 'identity';
}

/**
 * A JSON document that never changes (a published form version), serialised and compressed
 * once, on first request, so answering it costs no compression work per request.
 */
export class EncodedJson {
  private readonly bodies = new Map<BodyEncoding, Buffer>();
  constructor(private readonly value: unknown) {}

  body(encoding: BodyEncoding): Buffer {
    let body = this.bodies.get(encoding);
    if (!body) {
      const json = this.bodies.get('identity') ?? Buffer.from(JSON.stringify(this.value));
      this.bodies.set('identity', json);
      body = encoding === 'br' ? zlib.brotliCompressSync(json) : encoding === 'gzip' ? zlib.gzipSync(json, { level: 9 }) : json;
      this.bodies.set(encoding, body);
    }
    return body;
  }
}
