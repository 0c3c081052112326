import pdfmake from 'pdfmake';
import type { DocumentDefinition } from './doc-types';
import { fonts, isFontFile } from './fonts';

let configured = false;

/**
 * pdfmake locked down (its SSRF advisory): no URL is ever fetched and only the font files may be
 * read, so nothing in a protocol's data can make the renderer reach outside.
 */
function configuredPdfmake(): typeof pdfmake {
  if (!configured) {
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy(isFontFile);
    pdfmake.setFonts(fonts);
    configured = true;
  }
  return pdfmake;
}

export async function renderPdf(document: DocumentDefinition): Promise<Buffer> {
  return configuredPdfmake().createPdf(document).getBuffer();
}
