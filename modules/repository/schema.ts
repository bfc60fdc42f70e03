import { z } from '@hono/zod-openapi';

export const KINDS = ['bpmn', 'dmn', 'form'] as const;
export type Kind = (typeof KINDS)[number];
export const REQUEST_STATES = ['pending', 'deployed', 'rejected'] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

const instant = z.iso.datetime({ offset: true });
/** The largest model the repository keeps (a BPMN with its diagram; MEDIUMTEXT holds 16 MB). */
export const MAX_CONTENT = 2_000_000;

/** A model's name is its id: `<module>-<name>`, letters, digits and dashes. */
export const ModelName = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$/, 'letters, digits and single dashes: cases-case-handling')
  .max(100)
  .openapi({ example: 'cases-case-handling' });

const Comment = z.string().trim().max(1000);
const Content = z.string().min(1).max(MAX_CONTENT).describe('BPMN or DMN XML, or form-js JSON');

export const ModelParams = z.object({ id: ModelName.openapi({ param: { name: 'id', in: 'path' } }) });
export const VersionParams = ModelParams.extend({
  version: z.coerce
    .number()
    .int()
    .min(1)
    .max(1_000_000)
    .openapi({ param: { name: 'version', in: 'path' }, type: 'integer' }),
});
export const RequestParams = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
});

export const NewModel = z
  .object({ name: ModelName, kind: z.enum(KINDS), content: Content, comment: Comment.optional() })
  .strict()
  .openapi('NewModel');
export type NewModel = z.infer<typeof NewModel>;

export const NewVersion = z
  .object({ content: Content, comment: Comment.optional() })
  .strict()
  .openapi('NewModelVersion');
export type NewVersion = z.infer<typeof NewVersion>;

const RunningInstances = z
  .object({
    version: z
      .number()
      .int()
      .nullable()
      .describe('The repository version the running definition was deployed from (null: not from here)'),
    count: z.number().int().nullable().describe('Active instances; null when the engine cannot be asked'),
    processDefinitionKey: z.string().nullable(),
    processDefinitionVersion: z.number().int().nullable().describe("The engine's own version number"),
  })
  .openapi('RunningInstances');

export const Model = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(KINDS),
    resourceId: z.string().describe('The process id, the (first) decision id or the form id'),
    latestVersion: z.number().int(),
    deployedVersion: z.number().int().nullable(),
    updatedAt: instant,
    updatedBy: z.string(),
  })
  .openapi('Model');

export const ModelListItem = Model.extend({
  runningInstances: z
    .array(RunningInstances)
    .describe('Per deployed definition with active instances (and the deployed one); BPMN only'),
}).openapi('ModelListItem');

export const VersionSummary = z
  .object({
    version: z.number().int(),
    author: z.string(),
    createdAt: instant,
    comment: z.string().nullable(),
    checksum: z.string(),
    deployed: z.boolean().describe('Whether this version was ever deployed'),
  })
  .openapi('ModelVersionSummary');

export const ModelDetail = Model.extend({ versions: z.array(VersionSummary) }).openapi('ModelDetail');

export const Version = z
  .object({
    modelId: z.string(),
    version: z.number().int(),
    content: z.string(),
    author: z.string(),
    createdAt: instant,
    comment: z.string().nullable(),
    checksum: z.string(),
  })
  .openapi('ModelVersion');

export const LintBody = z.object({ content: Content }).strict().openapi('LintRequest');
export const LintProblem = z
  .object({
    id: z.string().optional().describe('The element'),
    rule: z.string(),
    message: z.string(),
    category: z.enum(['error', 'warn']),
  })
  .openapi('LintProblem');

export const NewDeployRequest = z
  .object({ comment: Comment.optional() })
  .strict()
  .openapi('NewDeployRequest');
export const Approval = z.object({ comment: Comment.optional() }).strict().openapi('DeployApproval');
export const Rejection = z
  .object({ comment: Comment.min(1, 'say why the change is rejected') })
  .strict()
  .openapi('DeployRejection');
export const RequestQuery = z.object({ state: z.enum(REQUEST_STATES).optional() });

export const DeployRequest = z
  .object({
    id: z.string(),
    modelId: z.string(),
    kind: z.enum(KINDS),
    version: z.number().int(),
    requestedBy: z.string(),
    requestedAt: instant,
    comment: z.string().nullable(),
    state: z.enum(REQUEST_STATES),
    decidedBy: z.string().nullable().describe('Who approved or rejected it'),
    decidedAt: instant.nullable(),
    decisionComment: z.string().nullable(),
    approvedBy: z.string().optional(),
    approvedAt: instant.optional(),
    deployment: z
      .object({
        key: z.string().nullable(),
        resourceKey: z.string().nullable().describe('The process definition (or DRG, or form) key'),
        version: z.number().int().nullable().describe("The engine's version of the resource"),
      })
      .optional(),
  })
  .openapi('DeployRequest');

const Key = (name: string) =>
  z
    .string()
    .regex(/^\d{1,19}$/, 'a key: up to 19 digits')
    .openapi({ param: { name, in: 'path' }, example: '2251799813685249' });

export const ProcessParams = z.object({
  bpmnProcessId: z
    .string()
    .regex(/^[A-Za-z_][\w.-]*$/, 'a BPMN process id: a letter or _ then letters, digits, _ . -')
    .max(255)
    .openapi({ param: { name: 'bpmnProcessId', in: 'path' } }),
});
export const StartBody = z
  .object({
    variables: z
      .record(z.string(), z.unknown())
      .optional()
      .describe('A JSON object: the instance’s variables'),
  })
  .strict()
  .openapi('StartInstance');
export const IncidentParams = z.object({ incidentKey: Key('incidentKey') });
export const RetryBody = z
  .object({ retries: z.number().int().min(1).max(100).optional().describe('Default 1') })
  .strict()
  .openapi('RetryIncident');
export const InstanceParams = z.object({ key: Key('key') });

export const ElementStatistics = z
  .object({
    elementId: z.string(),
    active: z.number().int(),
    completed: z.number().int(),
    terminated: z.number().int(),
    incidents: z.number().int().describe('Active incidents on the element'),
    averageDurationMs: z.number().nullable().describe('Of the completed element instances'),
  })
  .openapi('ElementStatistics');
