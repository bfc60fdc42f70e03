import { ApiError, get, post } from '../api.ts';
import type { Channel, Purpose } from './flow.ts';

/** The parts of the server's API the builder uses: the model repository, forms and templates. */

export interface ModelSummary {
  id: string;
  name: string;
  kind: 'bpmn' | 'dmn' | 'form';
  resourceId: string;
  latestVersion: number;
}

export interface SavedVersion {
  version: number;
}

export interface TemplateChoice {
  key: string;
  channel: Channel;
  purpose: Purpose;
  description: string | null;
}

const models = '/api/designer/models';
const model = (id: string) => `${models}/${encodeURIComponent(id)}`;

/** The newest version's BPMN of model `id`. */
export async function loadLatest(id: string): Promise<string> {
  const found = await get<ModelSummary>(model(id));
  const version = await get<{ content: string }>(`${model(id)}/versions/${found.latestVersion}`);
  return version.content;
}

export type SaveOutcome =
  | { kind: 'created'; id: string; version: number }
  | { kind: 'version'; id: string; version: number }
  | { kind: 'unchanged'; id: string }
  | { kind: 'exists'; id: string };

/**
 * Saves the compiled BPMN: a new model named after the process id, or a new version of the
 * model the builder opened. A name taken by another model is the owner's to resolve.
 */
export async function saveModel(
  modelId: string | undefined,
  name: string,
  content: string,
  comment: string,
): Promise<SaveOutcome> {
  try {
    if (modelId) {
      const saved = await post<SavedVersion>(`${model(modelId)}/versions`, { content, comment });
      return { kind: 'version', id: modelId, version: saved.version };
    }
    const created = await post<ModelSummary>(models, { name, kind: 'bpmn', content, comment });
    return { kind: 'created', id: created.id, version: created.latestVersion ?? 1 };
  } catch (error) {
    if (error instanceof ApiError && error.status === 409) {
      if (modelId && error.code === 'UNCHANGED') return { kind: 'unchanged', id: modelId };
      if (!modelId) return { kind: 'exists', id: name };
    }
    throw error;
  }
}

/** The ids of the forms in the repository (linked forms a user task may name); undefined when unknown. */
export async function formIds(): Promise<string[] | undefined> {
  try {
    const answer = await get<{ items: ModelSummary[] }>(models);
    return answer.items.filter((item) => item.kind === 'form').map((item) => item.resourceId);
  } catch {
    return undefined;
  }
}

/** The notification templates a notify step may send. */
export async function templates(): Promise<TemplateChoice[]> {
  try {
    const answer = await get<{ items: TemplateChoice[] }>('/api/notifications/templates');
    return answer.items;
  } catch {
    return [];
  }
}
