/** The slice of pdfmake 0.3's server API Sigill uses (the package ships no types; @types/pdfmake describes 0.2). */
declare module 'pdfmake' {
  interface FontFiles {
    normal: string;
    bold: string;
    italics: string;
    bolditalics: string;
  }
  interface OutputDocument {
    /** The pdfkit document before it is ended (the same object getBuffer ends). */
    getStream(): Promise<unknown>;
    getBuffer(): Promise<Buffer>;
  }
  interface PdfMake {
    setFonts(fonts: Record<string, FontFiles>): void;
    setUrlAccessPolicy(policy: (url: string) => boolean): void;
    setLocalAccessPolicy(policy: (path: string) => boolean): void;
    createPdf(document: object): OutputDocument;
  }
  const pdfmake: PdfMake;
  export default pdfmake;
}
