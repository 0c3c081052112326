import { randomUUID } from 'node:crypto';
import pdfmake from 'pdfmake';
import type { DocumentDefinition } from './doc-types';
import { fonts, isFontFile } from './fonts';
import { headingSizes } from './layout';
import { tagRenderedStructure } from './tagged-structure';

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
    tagRenderedStructure(headingSizes);
    configured = true;
  }
  return pdfmake;
}

/** The archive format every Sigill document is made in: e-arkiv takes PDF/A, and the seal is added after, as an incremental update. */
export const archiveFormat = { subset: 'PDF/A-2b', version: '1.7' } as const;

function xmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function xmpDate(date: Date): string {
  return `${date.toISOString().split('.')[0]}Z`;
}

/** The XMP pdfkit leaves out: the document id (the protocol's own id, so an archive can match file and record) and the modification dates. */
function xmpIdentity(documentId: string, modified: Date): string {
  const urn = `uuid:${xmlText(documentId)}`;
  return `
        <rdf:Description rdf:about="" xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/">
            <xmpMM:DocumentID>${urn}</xmpMM:DocumentID>
            <xmpMM:InstanceID>${urn}</xmpMM:InstanceID>
        </rdf:Description>
        <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
            <xmp:ModifyDate>${xmpDate(modified)}</xmp:ModifyDate>
            <xmp:MetadataDate>${xmpDate(modified)}</xmp:MetadataDate>
        </rdf:Description>`;
}

/** The slice of pdfkit's document this file reaches into before pdfmake ends it. */
interface PdfKitDocument {
  info: Record<string, unknown>;
  appendXML(xml: string): void;
  endMetadata(): void;
}

/**
 * pdfkit copies the title, author and subject into the XMP packet unescaped, so an asset named
 * "Lön & HR" would make the metadata unreadable XML (and the file no PDF/A). The Info dictionary is
 * written from the raw values before the XMP, so only the XMP pass sees escaped ones.
 */
function escapeXmpInfo(document: PdfKitDocument): void {
  const endMetadata = document.endMetadata.bind(document);
  document.endMetadata = () => {
    const raw = document.info;
    document.info = Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, typeof value === 'string' ? xmlText(value) : value]));
    try {
      endMetadata();
    } finally {
      document.info = raw;
    }
  };
}

/**
 * Renders a document as PDF/A-2b: PDF 1.7, fonts embedded (pdfkit subsets DejaVu Sans), pdfkit's
 * sRGB IEC61966-2.1 profile as the output intent, and XMP with title, author, dates and document id.
 */
export async function renderPdf(document: DocumentDefinition, documentId: string = randomUUID()): Promise<Buffer> {
  const output = configuredPdfmake().createPdf({ ...document, ...archiveFormat });
  const pdfKit = (await output.getStream()) as PdfKitDocument;
  pdfKit.appendXML(xmpIdentity(documentId, document.info.modDate));
  escapeXmpInfo(pdfKit);
  return output.getBuffer();
}
