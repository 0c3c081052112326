import { spawn } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from '../config';

/** The API with reload on change, and Vite's dev server proxying /api to it. */
const children = [
  spawn(process.execPath, ['--import', 'tsx', '--watch', path.join(repoRoot, 'server', 'index.ts')], { stdio: 'inherit', cwd: repoRoot }),
  spawn(process.execPath, [path.join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js')], { stdio: 'inherit', cwd: repoRoot }),
];
const stopAll = () => {
  for (const child of children) child.kill('SIGTERM');
};
for (const child of children) child.on('exit', stopAll);
process.on('SIGINT', stopAll);
process.on('SIGTERM', stopAll);
