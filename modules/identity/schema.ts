import { z } from '@hono/zod-openapi';
import { MIN_PASSWORD_LENGTH } from './passwords.ts';
import { BRANCH_KINDS, ROLES } from './roles.ts';

/** The shapes of the administration API (users, roles, branches). */

export const MAX_PAGE_SIZE = 100;

const username = z
  .string()
  .regex(/^[a-z][a-z0-9._-]{2,49}$/, 'Lowercase letters, digits, . _ -; starts with a letter; 3 to 50 long')
  .openapi({ example: 'agent3' });
const displayName = z.string().trim().min(1).max(200).openapi({ example: 'Rudi Purba' });
const roles = z
  .array(z.enum(ROLES))
  .min(1)
  .max(ROLES.length)
  .refine((list) => new Set(list).size === list.length, 'A role may be given only once');
const branchCode = z
  .string()
  .regex(/^[A-Z0-9][A-Z0-9-]{1,19}$/, 'Capital letters, digits and -, 2 to 20 long')
  .openapi({ example: 'MDN-KC' });
const password = z.string().min(MIN_PASSWORD_LENGTH).max(1000);

export const UsernameParam = z.object({
  username: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'username', in: 'path' } }),
});
export const BranchCodeParam = z.object({
  code: z
    .string()
    .min(1)
    .max(20)
    .openapi({ param: { name: 'code', in: 'path' } }),
});

export const UserQuery = z.object({
  role: z.enum(ROLES).optional(),
  branchCode: z.string().min(1).max(20).optional(),
  q: z.string().trim().min(1).max(100).optional().describe('Part of the username or display name'),
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce
    .number()
    .int()
    .min(1)
    .default(50)
    .transform((n) => Math.min(n, MAX_PAGE_SIZE))
    .describe(`At most ${MAX_PAGE_SIZE}; larger values are capped`),
});

/** The staff directory: who is who, for every logged-in member of staff. */
export const DirectoryQuery = z.object({
  role: z.enum(ROLES).optional(),
  branch: z.string().min(1).max(20).optional().describe('Branch code'),
});

export const DirectoryEntry = z
  .strictObject({
    username: z.string(),
    displayName: z.string(),
    roles: z.array(z.string()),
    branch: z.string().nullable(),
    active: z.boolean().describe('False once the user is disabled'),
  })
  .openapi('DirectoryEntry');

export const Directory = z.object({ items: z.array(DirectoryEntry) }).openapi('Directory');

export const NewUser = z
  .strictObject({
    username,
    displayName,
    roles,
    branchCode: branchCode.nullable().optional(),
    password: password.describe(
      `The initial password: at least ${MIN_PASSWORD_LENGTH} characters, not the username`,
    ),
  })
  .openapi('NewUser');

export const UserChanges = z
  .strictObject({
    displayName: displayName.optional(),
    roles: roles.optional(),
    branchCode: branchCode.nullable().optional().describe('null: no branch'),
    disabled: z.boolean().optional().describe('true disables the account and ends its sessions'),
  })
  .openapi('UserChanges');

export const NewPassword = z.strictObject({ password }).openapi('NewPassword');

export const User = z
  .object({
    username: z.string(),
    displayName: z.string(),
    roles: z.array(z.string()),
    branchCode: z.string().nullable(),
    disabled: z.boolean(),
    disabledAt: z.iso.datetime().nullable(),
    lockedUntil: z.iso.datetime().nullable().describe('Set while a lockout after failed logins lasts'),
    createdAt: z.iso.datetime(),
  })
  .openapi('User');

export const UserPage = z
  .object({
    items: z.array(User),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .openapi('UserPage');

export const NewBranch = z
  .strictObject({
    code: branchCode,
    name: z.string().trim().min(1).max(200),
    city: z.string().trim().min(1).max(100),
    kind: z.enum(BRANCH_KINDS).default('branch'),
  })
  .openapi('NewBranch');

export const BranchChanges = z
  .strictObject({
    name: z.string().trim().min(1).max(200).optional(),
    city: z.string().trim().min(1).max(100).optional(),
    kind: z.enum(BRANCH_KINDS).optional(),
    active: z.boolean().optional().describe('false: no user can be assigned to it any more'),
  })
  .openapi('BranchChanges');

export const Branch = z
  .object({
    code: z.string(),
    name: z.string(),
    city: z.string(),
    kind: z.enum(BRANCH_KINDS),
    active: z.boolean(),
  })
  .openapi('Branch');

export const BranchList = z.object({ items: z.array(Branch) }).openapi('BranchList');

export type UserDto = z.infer<typeof User>;
export type BranchDto = z.infer<typeof Branch>;
export type NewUserInput = z.infer<typeof NewUser>;
export type UserChangesInput = z.infer<typeof UserChanges>;
export type NewBranchInput = z.infer<typeof NewBranch>;
export type BranchChangesInput = z.infer<typeof BranchChanges>;
export type UserQueryInput = z.infer<typeof UserQuery>;
export type DirectoryQueryInput = z.infer<typeof DirectoryQuery>;
export type DirectoryEntryDto = z.infer<typeof DirectoryEntry>;
