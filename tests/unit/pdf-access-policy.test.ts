import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Content, DocumentDefinition } from '../../server/pdf/doc-types';
import { renderPdf } from '../../server/pdf/render-pdf';

/** Protocol data is user data: nothing in it may make the renderer fetch a URL or read a file. */

let hits = 0;
let server: http.Server;
let base: string;

beforeAll(async () => {
  server = http.createServer((_request, response) => {
    hits += 1;
    response.writeHead(200, { 'content-type': 'image/png' });
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** A document as the protocol builders make one, around the given content. */
function documentWith(content: Content[], extra: Partial<DocumentDefinition> = {}): DocumentDefinition {
  const now = new Date('2026-11-23T12:00:00Z');
  return {
    info: { title: 'Prov', author: 'Sigill', subject: 'Prov', creator: 'Sigill', producer: 'Sigill', creationDate: now, modDate: now },
    language: 'sv-SE',
    tagged: true,
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 40],
    defaultStyle: { font: 'DejaVuSans' },
    styles: {},
    footer: () => '',
    content,
    ...extra,
  };
}

describe('pdfmake as Sigill configures it', () => {
  it.each([
    ['an image URL', () => documentWith([{ image: `${base}/logo.png` }])],
    ['an image URL in the images dictionary', () => documentWith([{ image: 'logo' }], { images: { logo: `${base}/logo.png` } } as Partial<DocumentDefinition>)],
    ['a local file', () => documentWith([{ image: '/etc/passwd' }])],
    ['a relative path out of the fonts', () => documentWith([{ image: '../../../../etc/hostname' }])],
  ])('refuses %s', async (_what, document) => {
    await expect(renderPdf(document())).rejects.toThrow(/access|not allowed|denied|policy/i);
    expect(hits).toBe(0);
  });

  it('still renders plain content with the embedded fonts', async () => {
    const pdf = await renderPdf(documentWith(['Konfidentialitet, riktighet, tillgänglighet och spårbarhet: åäö ÅÄÖ']));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});
