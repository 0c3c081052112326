import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './runtime-files';

export const sigillVersion: string = (JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
