import { AppError } from '../errors';

export const passwordRules = { minLength: 12, maxLength: 256 } as const;

/** Why a password is refused; each code has a Swedish and an English text in the client's messages. */
export type PasswordProblem =
  | 'password_too_short'
  | 'password_too_long'
  | 'password_only_whitespace'
  | 'password_repeated'
  | 'password_sequential'
  | 'password_common'
  | 'password_is_email'
  | 'password_is_current';

const messages: Record<PasswordProblem, string> = {
  password_too_short: `must be at least ${passwordRules.minLength} characters`,
  password_too_long: `must be at most ${passwordRules.maxLength} characters`,
  password_only_whitespace: 'must not be only spaces',
  password_repeated: 'must not be one character or a short pattern repeated',
  password_sequential: 'must not be a run of consecutive characters or keys',
  password_common: 'is one of the most common passwords',
  password_is_email: 'must not be the e-mail address or its name part',
  password_is_current: 'must differ from the current password',
};

/** Runs a keyboard or an alphabet offers; a password inside one (either direction) is trivially guessed. */
const runs = ['1234567890', 'abcdefghijklmnopqrstuvwxyzåäö', 'qwertyuiopåasdfghjklöäzxcvbnm', '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p'];

let commonPasswords: Promise<Set<string>> | undefined;

/** The 49,000 most common passwords from zxcvbn's shipped list, read on first use and kept. */
function loadCommonPasswords(): Promise<Set<string>> {
  commonPasswords ??= import('@zxcvbn-ts/language-common').then(({ dictionary }) => new Set(dictionary['passwords-common']));
  return commonPasswords;
}

function isRepeatedPattern(password: string): boolean {
  const characters = [...password];
  for (let unit = 1; unit <= 3; unit += 1) {
    if (characters.length % unit === 0 && characters.every((character, index) => character === characters[index % unit])) return true;
  }
  return false;
}

function isSequential(lower: string): boolean {
  const codes = [...lower].map((character) => character.codePointAt(0)!);
  const steps = new Set(codes.slice(1).map((code, index) => code - codes[index]!));
  if (steps.size === 1 && (steps.has(1) || steps.has(-1))) return true;
  // Repeat each run so a sequence that wraps (…7890123) is still inside it.
  const reversed = [...lower].toReversed().join('');
  return runs.some((run) => `${run}${run}${run}`.includes(lower) || `${run}${run}${run}`.includes(reversed));
}

/** Letters and digits only: `Anna.Svensson!` and `anna.svensson` are the same guess. */
function core(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

function isEmailLike(lower: string, email: string | undefined): boolean {
  if (!email) return false;
  const address = email.toLowerCase();
  const localPart = address.split('@')[0] ?? '';
  return lower === address || lower === localPart || [core(address), core(localPart)].some((part) => part.length > 0 && core(lower).replace(/\d+$/, '') === part);
}

/** A common password with digits or punctuation around it (`Password2026!`) is still that password. */
function commonCandidates(lower: string): string[] {
  return [lower, lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '')];
}

/**
 * Everything wrong with a new password, empty when it is acceptable. `email` is the account's address,
 * `currentPassword` the one it replaces (already verified by the caller).
 */
export async function passwordProblems(password: string, context: { email?: string; currentPassword?: string } = {}): Promise<PasswordProblem[]> {
  const length = [...password].length;
  if (length < passwordRules.minLength) return ['password_too_short'];
  if (length > passwordRules.maxLength) return ['password_too_long'];
  if (password.trim() === '') return ['password_only_whitespace'];
  const lower = password.normalize('NFC').toLowerCase();
  const problems: PasswordProblem[] = [];
  if (isRepeatedPattern(lower)) problems.push('password_repeated');
  else if (isSequential(lower)) problems.push('password_sequential');
  const common = await loadCommonPasswords();
  if (commonCandidates(lower).some((candidate) => common.has(candidate))) problems.push('password_common');
  if (isEmailLike(lower, context.email)) problems.push('password_is_email');
  if (context.currentPassword !== undefined && password.normalize('NFC') === context.currentPassword.normalize('NFC')) problems.push('password_is_current');
  return problems;
}

/** Throws 400 validation_failed naming `field`, one detail per problem with its code, when the password is refused. */
export async function assertAcceptablePassword(password: string, field: string, context: { email?: string; currentPassword?: string } = {}): Promise<void> {
  const problems = await passwordProblems(password, context);
  if (problems.length === 0) return;
  throw new AppError(
    'validation_failed',
    `Invalid input: ${field}`,
    problems.map((code) => ({ field, code, message: messages[code] })),
  );
}

/** The same rules as a plain sentence, for configuration checks at start. */
export async function passwordRefusal(password: string, context: { email?: string } = {}): Promise<string | undefined> {
  const problems = await passwordProblems(password, context);
  return problems.length === 0 ? undefined : problems.map((code) => messages[code]).join('; ');
}
