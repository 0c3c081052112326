import { createRequire } from 'node:module';

/**
 * pdfmake 0.3 passes `tagged: true` to pdfkit, which then writes an empty structure tree: the file
 * claims to be tagged while a screen reader or an archive's intake finds no text in it. pdfkit
 * 0.19 can tag (marked content with structure elements); pdfmake's renderer just never asks. This
 * wraps the renderer so every line of text is marked content of a structure element under one
 * Document element, in reading order: headings as H1–H3 (from the protocol styles' sizes), other
 * text as paragraphs, consecutive lines of one paragraph joined; the running header and footer,
 * rules, fills and images are artifacts. Tables stay paragraphs per cell line: pdfmake keeps no
 * table structure at render time.
 */

export type StructureRole = 'H1' | 'H2' | 'H3' | 'P';

/** A heading style's size: every bold line of that size is that heading level. */
export interface HeadingSize {
  fontSize: number;
  role: Exclude<StructureRole, 'P'>;
}

interface StructureContent {
  readonly refs: unknown[];
}

interface StructureElement {
  add(child: StructureElement | StructureContent): StructureElement;
}

/** The slice of pdfkit's document the tagging uses. */
interface TaggingDocument {
  page: object;
  struct(type: string): StructureElement;
  addStructure(element: StructureElement): void;
  markStructureContent(tag: string): StructureContent;
  markContent(tag: string, options?: { type: string }): void;
  endMarkedContent(): void;
}

interface Inline {
  fontSize: number;
  font: { name?: string };
}

interface Line {
  inlines: Inline[];
  getHeight(): number;
}

interface Page {
  pageSize: { height: number };
  pageMargins: { top: number; bottom: number };
}

/** The paragraph being written: a next line directly below it, in the same role and column, joins it. */
interface OpenElement {
  element: StructureElement;
  role: StructureRole;
  page: object;
  x: number;
  bottom: number;
}

interface TaggingState {
  root: StructureElement;
  pages: Page[];
  open: OpenElement | null;
}

interface RendererInstance {
  pdfDocument: TaggingDocument;
  tagging?: TaggingState;
}

type Method<A extends unknown[]> = (this: RendererInstance, ...args: A) => void;

interface RendererPrototype {
  renderPages: Method<[Page[]]>;
  renderLine: Method<[Line, number, number]>;
  renderVector: Method<[unknown]>;
  renderImage: Method<[unknown]>;
  renderSVG: Method<[unknown]>;
}

const require = createRequire(import.meta.url);

let installed = false;

/** Tags every document pdfmake renders in this process from now on; calling it again does nothing. */
export function tagRenderedStructure(headings: readonly HeadingSize[]): void {
  if (installed) return;
  installed = true;
  const renderer = (require('pdfmake/js/Renderer.js') as { default: { prototype: RendererPrototype } }).default.prototype;
  const { renderPages, renderLine } = renderer;
  renderer.renderPages = function (pages) {
    const root = this.pdfDocument.struct('Document');
    this.pdfDocument.addStructure(root);
    this.tagging = { root, pages, open: null };
    try {
      renderPages.call(this, pages);
    } finally {
      delete this.tagging;
    }
  };
  renderer.renderLine = function (line, x, y) {
    const state = this.tagging;
    const document = this.pdfDocument;
    if (!state) {
      renderLine.call(this, line, x, y);
      return;
    }
    if (isPageFurniture(state.pages[0], line, y)) {
      asArtifact(document, 'Pagination', () => renderLine.call(this, line, x, y));
      return;
    }
    const role = roleOf(line, headings);
    const element = continuing(state, document.page, role, x, y) ?? startElement(state, document, role, x);
    const content = document.markStructureContent(role);
    renderLine.call(this, line, x, y);
    document.endMarkedContent();
    element.element.add(content);
    element.bottom = y + line.getHeight();
  };
  for (const method of ['renderVector', 'renderImage', 'renderSVG'] as const) {
    const original = renderer[method];
    renderer[method] = function (item) {
      asArtifact(this.pdfDocument, 'Layout', () => original.call(this, item));
    };
  }
}

function asArtifact(document: TaggingDocument, type: string, draw: () => void): void {
  document.markContent('Artifact', { type });
  draw();
  document.endMarkedContent();
}

/** The running header and footer sit in the page margins (one set for every page of a Sigill document); every page repeats them. */
function isPageFurniture(page: Page | undefined, line: Line, y: number): boolean {
  if (!page) return false;
  return y + line.getHeight() <= page.pageMargins.top || y >= page.pageSize.height - page.pageMargins.bottom;
}

function roleOf(line: Line, headings: readonly HeadingSize[]): StructureRole {
  const first = line.inlines[0];
  if (!first || !/bold/i.test(first.font.name ?? '')) return 'P';
  return headings.find((heading) => Math.abs(heading.fontSize - first.fontSize) < 0.01)?.role ?? 'P';
}

function continuing(state: TaggingState, page: object, role: StructureRole, x: number, y: number): OpenElement | null {
  const open = state.open;
  if (!open || open.page !== page || open.role !== role || Math.abs(open.x - x) > 0.5 || Math.abs(open.bottom - y) > 0.5) return null;
  return open;
}

function startElement(state: TaggingState, document: TaggingDocument, role: StructureRole, x: number): OpenElement {
  const element = document.struct(role);
  state.root.add(element);
  state.open = { element, role, page: document.page, x, bottom: 0 };
  return state.open;
}
