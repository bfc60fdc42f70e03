import { createHash } from 'node:crypto';
import { checkResource } from '../../engine/index.ts';
import { RepositoryError } from './errors.ts';
import type { Kind } from './schema.ts';

/**
 * The platform's modules: a model named `<module>-<name>` follows the shipped models'
 * convention (STYLE rule 10), so its executable process id must be its name.
 */
const MODULE_PREFIXES = [
  'audit',
  'calendar',
  'campaigns',
  'cases',
  'customers',
  'identity',
  'notifications',
  'onboarding',
  'reports',
  'tasks',
];

export interface CheckedContent {
  /** The process id, the first decision id, the form id. */
  resourceId: string;
  /** Every id the resource deploys (a DMN's decisions). */
  resourceIds: string[];
  checksum: string;
}

/** The engine's checksum of a resource: what tells a changed model from an unchanged one. */
export const checksumOf = (content: string) => createHash('sha256').update(content, 'utf8').digest('hex');

/** The resource name a version deploys under: the model id with its kind's suffix. */
export const resourceName = (modelId: string, kind: Kind) => `${modelId}.${kind}`;

/**
 * Refuses what would not deploy, with the engine's own compiler (the same problems a
 * deployment gives, each naming its element), and a shipped-style BPMN whose process id is
 * not its name. Answers 400 INVALID_CONTENT naming `body.content`.
 */
export async function checkContent(modelId: string, kind: Kind, content: string): Promise<CheckedContent> {
  const checked = await checkResource(resourceName(modelId, kind), content);
  if (checked.problems.length > 0) {
    const messages = checked.problems.map((p) =>
      p.elementId ? `Element '${p.elementId}': ${p.message}` : p.message,
    );
    throw new RepositoryError(
      'INVALID_CONTENT',
      `The ${kind.toUpperCase()} would not deploy: ${messages.join('; ')}`,
      messages.map((message) => ({ field: 'body.content', message })),
    );
  }
  const [first] = checked.ids;
  if (first === undefined) {
    throw new RepositoryError('INVALID_CONTENT', `The ${kind.toUpperCase()} deploys nothing`, [
      { field: 'body.content', message: 'it deploys nothing' },
    ]);
  }
  if (kind === 'bpmn' && shippedStyle(modelId) && !checked.ids.includes(modelId)) {
    const message = `the executable process id is '${first}', but a model named '${modelId}' must have the process id '${modelId}' (process ids of <module>-<name> models equal their name)`;
    throw new RepositoryError('INVALID_CONTENT', `The BPMN does not fit its name: ${message}`, [
      { field: 'body.content', message: `Element '${first}': ${message}` },
    ]);
  }
  const resourceId = kind === 'bpmn' && checked.ids.includes(modelId) ? modelId : first;
  return { resourceId, resourceIds: checked.ids, checksum: checksumOf(content) };
}

function shippedStyle(modelId: string): boolean {
  const dash = modelId.indexOf('-');
  return dash > 0 && MODULE_PREFIXES.includes(modelId.slice(0, dash));
}
