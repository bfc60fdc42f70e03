import type { ApiError } from '../api.ts';

/** Translates with the admin namespace (react-i18next's `t`, narrowed to what is used here). */
export type Translate = (key: string, values: Record<string, unknown>) => string;

/**
 * The server speaks English (zod's messages and the modules' own). The usual ones are put in
 * the person's language; anything else is shown as the server wrote it rather than hidden.
 */
const PATTERNS: [RegExp, (m: RegExpMatchArray, t: Translate) => string][] = [
  [/^Too small: expected string to have >=(\d+) characters?$/, (m, t) => t('server.minChars', { n: m[1] })],
  [/needs at least (\d+) characters$/, (m, t) => t('server.minChars', { n: m[1] })],
  [/^Too big: expected string to have <=(\d+) characters?$/, (m, t) => t('server.maxChars', { n: m[1] })],
  [/^Too small: expected array to have >=(\d+) items?$/, (m, t) => t('server.minItems', { n: m[1] })],
  [
    /^Too small: expected number to be >(=?)(.+)$/,
    (m, t) => t(m[1] ? 'server.atLeast' : 'server.above', { n: m[2] }),
  ],
  [/^Too big: expected number to be <(=?)(.+)$/, (m, t) => t('server.atMost', { n: m[2] })],
  [/^Invalid input: expected \w+, received (undefined|null|NaN)$/, (_, t) => t('required', {})],
  [/^Invalid input: expected \w+, received \w+$/, (_, t) => t('server.wrongType', {})],
  [/^Invalid option/, (_, t) => t('server.invalidOption', {})],
  [/^Invalid ISO date$/, (_, t) => t('server.invalidDate', {})],
  [/^A password may not be the username$/, (_, t) => t('server.passwordIsUsername', {})],
  [/^No active branch has the code '(.+)'$/, (m, t) => t('server.unknownBranch', { code: m[1] })],
  [/^no user (.+)$/, (m, t) => t('server.unknownUser', { names: m[1] })],
  [/^Lowercase letters, digits/, (_, t) => t('users.usernameHint', {})],
  [/^Capital letters, digits and -/, (_, t) => t('branches.codeHint', {})],
  [/^upper-case words joined by dashes/, (_, t) => t('queues.codeHint', {})],
];

export function localiseMessage(message: string, t: Translate): string {
  for (const [pattern, say] of PATTERNS) {
    const match = message.match(pattern);
    if (match) return say(match, t);
  }
  return message;
}

/** Refusals that name no field but belong to one (a taken code is the code field's problem). */
const CODE_FIELDS: Record<string, [field: string, key: string]> = {
  USERNAME_TAKEN: ['username', 'server.usernameTaken'],
  BRANCH_EXISTS: ['code', 'server.codeTaken'],
  QUEUE_EXISTS: ['code', 'server.codeTaken'],
  POLICY_EXISTS: ['code', 'server.codeTaken'],
  HOLIDAY_EXISTS: ['date', 'server.holidayExists'],
};

/** Whole-request refusals worth saying in the person's language. */
const CODE_MESSAGES: Record<string, string> = {
  LAST_ADMIN: 'server.lastAdmin',
  CANNOT_DISABLE_SELF: 'server.cannotDisableSelf',
  FORBIDDEN: 'server.forbidden',
};

export function codeProblem(
  error: ApiError,
  formFields: readonly string[],
  t: Translate,
): { field?: string; message: string } | undefined {
  const fieldKey = CODE_FIELDS[error.code];
  if (fieldKey && formFields.includes(fieldKey[0]))
    return { field: fieldKey[0], message: t(fieldKey[1], {}) };
  const key = CODE_MESSAGES[error.code];
  return key ? { message: `${t(key, {})} (${error.code})` } : undefined;
}
