/**
 * pdfmake's document definition, typed loosely: a node is text, a list of nodes, or an object
 * whose keys pdfmake documents (text, table, columns, canvas, qr, style…).
 */
export type Content = string | Content[] | ContentNode;

export interface ContentNode {
  [key: string]: unknown;
}

export interface PageContext {
  currentPage: number;
  pageCount: number;
}

export interface DocumentDefinition {
  info: { title: string; author: string; subject: string; creator: string; producer: string; creationDate: Date; modDate: Date };
  language: string;
  tagged: boolean;
  pageSize: 'A4';
  pageMargins: [number, number, number, number];
  defaultStyle: ContentNode;
  styles: Record<string, ContentNode>;
  header?: (currentPage: number, pageCount: number) => Content;
  footer: (currentPage: number, pageCount: number) => Content;
  content: Content[];
}
