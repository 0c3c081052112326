import fs from 'node:fs';
import path from 'node:path';
import { formJsonSchemas } from '../../scoring/content/json-schemas';

/** `npm run forms:schemas`: writes dist/form-schemas/<kind>.schema.json for editors of forms/ files. */
const outDir = path.resolve(process.argv[2] ?? 'dist/form-schemas');
fs.mkdirSync(outDir, { recursive: true });
for (const [kind, schema] of Object.entries(formJsonSchemas())) {
  fs.writeFileSync(path.join(outDir, `${kind}.schema.json`), `${JSON.stringify(schema, null, 2)}\n`);
  process.stdout.write(`wrote ${path.relative(process.cwd(), path.join(outDir, `${kind}.schema.json`))}\n`);
}
