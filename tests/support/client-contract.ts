import fs from 'node:fs';
import path from 'node:path';

/**
 * Checks that the client restates no API type (issue 16.6): every request names its route, so
 * its answer is typed from the server (client/contract/api.ts), and no declaration in client/ copies the
 * fields of one of the API's answers.
 */

export interface SourceFile {
  file: string;
  text: string;
}

export function clientSources(dir: string): SourceFile[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => {
      const file = path.join(entry.parentPath, entry.name);
      return { file, text: fs.readFileSync(file, 'utf8') };
    });
}

const requestCall = /\b(useApi|getJson|sendJson|sendBytes|sendForm)\s*(<[^(]*>)?\s*\(/g;
/** The helpers' own definitions, which take the route as a type parameter. */
const definitions = /\b(?:function|const)\s+(?:useApi|getJson|sendJson|sendBytes|sendForm)\b/;

/** Requests whose type argument is not a route name ('/api/…' or 'POST /api/…'). */
export function untypedRequests(sources: SourceFile[]): string[] {
  const found: string[] = [];
  for (const { file, text } of sources) {
    for (const match of text.matchAll(requestCall)) {
      const line = text.slice(text.lastIndexOf('\n', match.index) + 1, text.indexOf('\n', match.index));
      if (definitions.test(line)) continue;
      const typeArgument = match[2]?.slice(1, -1).trim();
      if (!typeArgument || !/^'(?:(?:POST|PUT|PATCH|DELETE) )?\/api\/[^']*'$/.test(typeArgument)) found.push(`${file}: ${line.trim()}`);
    }
  }
  return found;
}

/** The field names of a declaration's body, top level only: `interface X { a: …; b?: … }` or `type X = { … }`. */
function declarations(text: string): { name: string; fields: string[] }[] {
  const found: { name: string; fields: string[] }[] = [];
  for (const match of text.matchAll(/\b(?:interface\s+(\w+)(?:\s+extends\s+[^{]+)?|type\s+(\w+)(?:<[^=]*>)?\s*=)\s*\{/g)) {
    let depth = 1;
    let index = match.index + match[0].length;
    let body = '';
    while (index < text.length && depth > 0) {
      const char = text[index]!;
      if (char === '{' || char === '(' || char === '[' || char === '<') depth += 1;
      if (char === '}' || char === ')' || char === ']' || char === '>') depth -= 1;
      if (depth === 1) body += char;
      else if (depth === 2 && '{([<'.includes(char)) body += char;
      index += 1;
    }
    const fields = [...body.matchAll(/(?:^|[;,{\n])\s*(?:readonly\s+)?(\w+)\??\s*:/g)].map((field) => field[1]!);
    found.push({ name: (match[1] ?? match[2])!, fields });
  }
  return found;
}

/** Every object an API route answers with (nested ones too), as its field names. */
export function responseShapes(openapi: unknown): Set<string>[] {
  const doc = openapi as { paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> }>>; components?: { schemas?: Record<string, unknown> } };
  const components = doc.components?.schemas ?? {};
  const shapes: Set<string>[] = [];
  const seen = new Set<unknown>();
  const visit = (schema: unknown): void => {
    if (!schema || typeof schema !== 'object' || seen.has(schema)) return;
    seen.add(schema);
    const node = schema as Record<string, unknown>;
    if (typeof node['$ref'] === 'string') return visit(components[node['$ref'].replace('#/components/schemas/', '')]);
    if (node['properties'] && typeof node['properties'] === 'object') {
      const properties = node['properties'] as Record<string, unknown>;
      shapes.push(new Set(Object.keys(properties)));
      Object.values(properties).forEach(visit);
    }
    for (const key of ['items', 'anyOf', 'oneOf', 'allOf', 'additionalProperties']) {
      const value = node[key];
      if (Array.isArray(value)) value.forEach(visit);
      else visit(value);
    }
  };
  for (const methods of Object.values(doc.paths)) {
    for (const operation of Object.values(methods)) {
      for (const response of Object.values(operation.responses ?? {})) {
        for (const media of Object.values(response.content ?? {})) visit(media.schema);
      }
    }
  }
  return shapes;
}

/**
 * Declarations that restate an API answer: at least three fields, every one of them a field of
 * the same answer object, and together at least three quarters of that object's fields.
 */
export function mirroredDeclarations(sources: SourceFile[], shapes: Set<string>[]): string[] {
  const found: string[] = [];
  for (const { file, text } of sources) {
    for (const declaration of declarations(text)) {
      if (declaration.fields.length < 3) continue;
      const mirrored = shapes.find((shape) => declaration.fields.every((field) => shape.has(field)) && declaration.fields.length >= 0.75 * shape.size);
      if (mirrored) found.push(`${file}: ${declaration.name} { ${declaration.fields.join(', ')} }`);
    }
  }
  return found;
}
