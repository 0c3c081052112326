/** A forms file that does not hold: its path and each reason, "field: message". */
export class FormLoadError extends Error {
  constructor(readonly file: string, readonly reasons: string[]) {
    super(`Form file ${file} is invalid:\n${reasons.map((reason) => `  - ${reason}`).join('\n')}`);
    this.name = 'FormLoadError';
  }
}

/** Every broken file at once, each with its problems, so a form author fixes them in one round. */
export class FormsInvalidError extends Error {
  constructor(readonly failures: FormLoadError[]) {
    super(failures.map((failure) => failure.message).join('\n'));
    this.name = 'FormsInvalidError';
  }
}

export function formsInvalid(problems: readonly { file: string; field: string; message: string }[]): FormsInvalidError {
  const byFile = new Map<string, string[]>();
  for (const problem of problems) byFile.set(problem.file, [...(byFile.get(problem.file) ?? []), `${problem.field}: ${problem.message}`]);
  return new FormsInvalidError([...byFile].map(([file, reasons]) => new FormLoadError(file, reasons)));
}
