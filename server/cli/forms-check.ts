import path from 'node:path';
import { checkFormsFolder } from '../forms/check-forms-folder';

/** `npm run forms:check [folder]`: validates every forms file; exits 1 naming file, field and reason. */
const formsDir = path.resolve(process.argv[2] ?? 'forms');
const { files, problems } = checkFormsFolder(formsDir);
if (problems.length > 0) {
  for (const problem of problems) {
    process.stderr.write(`${path.relative(process.cwd(), problem.file) || problem.file}: ${problem.field}: ${problem.message}\n`);
  }
  process.stderr.write(`forms:check: ${problems.length} problem(s) in ${formsDir}\n`);
  process.exit(1);
}
process.stdout.write(`forms:check: ${files} file(s) in ${path.relative(process.cwd(), formsDir) || '.'} are valid\n`);
