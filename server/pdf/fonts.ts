import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/**
 * DejaVu Sans from the dejavu-fonts-ttf package: plain TrueType (which pdfkit embeds as a subset)
 * with all of Swedish and the ✓ ☐ ☑ ✗ marks the protocol uses, which the bundled Roboto lacks.
 */
export const fontFolder = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

export const fonts = {
  DejaVuSans: {
    normal: path.join(fontFolder, 'DejaVuSans.ttf'),
    bold: path.join(fontFolder, 'DejaVuSans-Bold.ttf'),
    italics: path.join(fontFolder, 'DejaVuSans-Oblique.ttf'),
    bolditalics: path.join(fontFolder, 'DejaVuSans-BoldOblique.ttf'),
  },
};

const allowedFiles = new Set(Object.values(fonts.DejaVuSans));

/** pdfmake may read these four files and nothing else from disk. */
export function isFontFile(file: string): boolean {
  return allowedFiles.has(path.resolve(file));
}
