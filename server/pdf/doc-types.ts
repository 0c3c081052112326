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

/** What pdfmake 0.3 tells pageBreakBefore about a node and the nodes around it. */
export interface PageBreakNode {
  headlineLevel?: unknown;
  pageNumbers: number[];
}

export interface PageBreakQueries {
  getFollowingNodesOnPage(): PageBreakNode[];
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
  pageBreakBefore?: (node: PageBreakNode, pageNodes: PageBreakQueries) => boolean;
  content: Content[];
}
