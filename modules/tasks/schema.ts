import { z } from '@hono/zod-openapi';

const instant = z.iso.datetime({ offset: true });

export const SORT_FIELDS = ['dueDate', 'followUpDate', 'priority', 'createdAt'] as const;
const SORT = new RegExp(`^-?(${SORT_FIELDS.join('|')})(,-?(${SORT_FIELDS.join('|')}))*$`);
/** `name:value` pairs, comma-separated; names as FEEL names, values any text without a comma. */
const VARIABLE_FILTER = /^[A-Za-z_][A-Za-z0-9_]{0,99}:[^,]{0,191}$/;
export const MAX_VARIABLE_FILTERS = 10;

export const TaskKey = z.object({
  key: z.string().openapi({
    param: { name: 'key', in: 'path' },
    example: '2251799813685263',
    description: 'The task key (its job key)',
  }),
});

export const ListQuery = z.object({
  variables: z
    .string()
    .max(2_000)
    .superRefine((text, ctx) => {
      const pairs = text.split(',');
      if (pairs.length > MAX_VARIABLE_FILTERS)
        ctx.addIssue({ code: 'custom', message: `at most ${MAX_VARIABLE_FILTERS} variables` });
      const bad = pairs.find((pair) => !VARIABLE_FILTER.test(pair));
      if (bad !== undefined)
        ctx.addIssue({
          code: 'custom',
          message: `'${bad}' is not name:value (e.g. category:payment,severity:HIGH)`,
        });
    })
    .optional()
    .openapi({
      description:
        'Business variables the task must have, all of them: `name:value` pairs separated by commas. A value ' +
        'matches a top-level text, number or boolean variable by its text (`amount:250000`, `urgent:true`). ' +
        'Personal fields (NIK, phone, e-mail, account numbers) cannot be filtered on.',
      example: 'category:payment,severity:HIGH',
    }),
  search: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .openapi({
      description:
        "Part of the task's name or its process's name, or of a business variable's value (a case number, " +
        'a campaign name), any case; personal fields are never searched.',
      example: 'KLH-2026',
    }),
  processId: z.string().min(1).max(255).optional().openapi({ description: 'The BPMN process id' }),
  candidateGroup: z.string().min(1).max(100).optional(),
  dueBefore: instant.optional(),
  dueAfter: instant.optional(),
  followUpBefore: instant.optional(),
  followUpAfter: instant.optional(),
  sort: z
    .string()
    .regex(SORT, `fields among ${SORT_FIELDS.join(', ')}, comma-separated, '-' before one for descending`)
    .default('dueDate,-priority')
    .openapi({
      description:
        'Sort keys in order, `-` for descending; tasks without a due or follow-up date come last. Default: ' +
        'the earliest due date first, then the highest priority.',
      example: '-priority,dueDate',
    }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type ListQuery = z.infer<typeof ListQuery>;

export const AllTasksQuery = ListQuery.extend({
  assignee: z.string().min(1).max(100).optional().openapi({ description: 'Held by this user' }),
  unassigned: z.enum(['true', 'false']).optional().openapi({ description: 'Only tasks nobody holds' }),
});
export type AllTasksQuery = z.infer<typeof AllTasksQuery>;

export const Task = z
  .object({
    key: z.string(),
    state: z.enum(['CREATED', 'COMPLETING', 'COMPLETED', 'CANCELED']),
    name: z.string().describe("The element's name in the model, else its id"),
    elementId: z.string(),
    processInstanceKey: z.string(),
    processDefinitionKey: z.string(),
    bpmnProcessId: z.string(),
    processName: z.string().nullable(),
    processVersion: z.number().int(),
    assignee: z.string().nullable(),
    candidateGroups: z.array(z.string()),
    candidateUsers: z.array(z.string()),
    dueDate: instant.nullable(),
    followUpDate: instant.nullable(),
    priority: z
      .number()
      .int()
      .describe('0–100; from the task header or process variable `priority`, else 50'),
    formKey: z.string().nullable(),
    formId: z.string().nullable(),
    variables: z
      .record(z.string(), z.unknown())
      .describe('Personal fields masked unless your role sees them'),
    createdAt: instant,
    claimedAt: instant.nullable(),
    completedAt: instant.nullable(),
    completedBy: z.string().nullable(),
    canceledAt: instant.nullable(),
  })
  .openapi('Task');

export const TaskPage = z
  .object({
    items: z.array(Task),
    page: z.object({ total: z.number().int(), limit: z.number().int(), offset: z.number().int() }),
  })
  .openapi('TaskPage');

export const TaskForm = z
  .object({
    formKey: z.string(),
    formId: z.string(),
    version: z.number().int().nullable(),
    schema: z.record(z.string(), z.unknown()).describe('The form-js schema'),
  })
  .openapi('TaskForm');

export const CompleteBody = z
  .object({
    variables: z
      .record(z.string(), z.unknown())
      .default({})
      .describe("The form's fields; checked against the task's form before the job is completed"),
  })
  .strict()
  .openapi('TaskCompletion');

export const AssignBody = z
  .object({
    assignee: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .nullable()
      .describe('Who is to do the task (a user who works tasks); null leaves it unassigned'),
  })
  .strict()
  .openapi('TaskAssignment');
