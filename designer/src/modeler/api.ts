import { get, post } from '../api.ts';

/** The designer's repository API (see the server's `/api/designer` routes). */
export type ModelKind = 'bpmn' | 'dmn' | 'form';

export interface ModelSummary {
  id: string;
  name: string;
  kind: ModelKind;
  resourceId: string;
  latestVersion: number;
  deployedVersion: number | null;
  updatedAt: string;
  updatedBy: string;
}

/** Active instances of one deployed definition of a BPMN model. */
export interface RunningInstances {
  /** The repository version it was deployed from (null: not deployed from here). */
  version: number | null;
  /** null when the engine cannot be asked. */
  count: number | null;
  processDefinitionKey: string | null;
  processDefinitionVersion: number | null;
}

export interface ModelListItem extends ModelSummary {
  runningInstances: RunningInstances[];
}

export interface VersionSummary {
  version: number;
  author: string;
  createdAt: string;
  comment: string | null;
  checksum: string;
  deployed: boolean;
}

export interface ModelDetail extends ModelSummary {
  versions: VersionSummary[];
}

export interface VersionContent {
  version: number;
  content: string;
  author: string;
  createdAt: string;
  comment: string | null;
}

export interface LintProblem {
  id?: string;
  rule: string;
  message: string;
  category: 'error' | 'warn';
}

export type RequestState = 'pending' | 'deployed' | 'rejected';

export interface DeployRequest {
  id: string;
  modelId: string;
  version: number;
  requestedBy: string;
  requestedAt: string;
  comment: string | null;
  state: RequestState;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionComment: string | null;
  approvedBy?: string;
  deployment?: { key: string | null; resourceKey: string | null; version: number | null };
}

const models = '/api/designer/models';
const m = (id: string) => `${models}/${encodeURIComponent(id)}`;

export const designerApi = {
  models: () => get<{ items: ModelListItem[] }>(models).then((answer) => answer.items),
  model: (id: string) => get<ModelDetail>(m(id)),
  version: (id: string, version: number) => get<VersionContent>(`${m(id)}/versions/${version}`),
  create: (body: { name: string; kind: ModelKind; content: string; comment: string }) =>
    post<ModelSummary>(models, body),
  saveVersion: (id: string, content: string, comment: string) =>
    post<VersionSummary>(`${m(id)}/versions`, { content, comment }),
  lint: (content: string) =>
    post<{ problems: LintProblem[] }>('/api/designer/lint', { content }).then((a) => a.problems),
  elementTemplates: () => get<unknown[]>('/api/designer/element-templates'),
  requestDeploy: (id: string, version: number, comment: string) =>
    post<DeployRequest>(`${m(id)}/versions/${version}/deploy-requests`, { comment }),
  requests: (state: RequestState) =>
    get<{ items: DeployRequest[] }>(`/api/designer/deploy-requests?state=${state}`).then((a) => a.items),
  approve: (requestId: string, comment: string) =>
    post<DeployRequest>(
      `/api/designer/deploy-requests/${encodeURIComponent(requestId)}/approve`,
      comment ? { comment } : {},
    ),
  reject: (requestId: string, comment: string) =>
    post<DeployRequest>(`/api/designer/deploy-requests/${encodeURIComponent(requestId)}/reject`, { comment }),
};
