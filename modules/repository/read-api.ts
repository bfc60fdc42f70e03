import { createCamundaAuthHeaders, createReadApiHandler } from '../../engine/index.ts';
import type { ModuleContext } from '../server/module.ts';
import { createReadApiForwarder } from '../server/v2-forward.ts';
import { RepositoryError } from './errors.ts';

type Handler = (request: Request) => Promise<Response | undefined>;

/** A page of a `/v2/.../search` answer (Camunda 8.8's shape). */
export interface SearchPage<T> {
  items: T[];
  page: { totalItems: number };
}

/**
 * The `/v2` read API (DESIGN seam 3) as the repository and operations read it: the embedded
 * engine's handler, or in Zeebe mode the forwarder to Camunda's own REST API at
 * ZEEBE_REST_ADDRESS. Without either (Zeebe mode, no REST address) there is nothing to ask:
 * `available` is false and reads answer 501 saying why.
 */
export class ReadApi {
  constructor(private readonly handler: Handler | undefined) {}

  static of(context: ModuleContext): ReadApi {
    const { config, engineStore } = context;
    if (config.engine.mode === 'embedded' && engineStore)
      return new ReadApi(createReadApiHandler(engineStore));
    if (config.engine.mode === 'zeebe' && config.engine.zeebeRestAddress) {
      const auth = config.engine.camundaAuth.CAMUNDA_AUTH_STRATEGY;
      return new ReadApi(
        createReadApiForwarder(
          config.engine.zeebeRestAddress,
          auth && auth !== 'NONE' ? createCamundaAuthHeaders(config.engine.camundaAuth) : undefined,
        ),
      );
    }
    return new ReadApi(undefined);
  }

  get available(): boolean {
    return this.handler !== undefined;
  }

  /** GET one record; undefined when the engine answers 404. */
  async get<T>(path: string): Promise<T | undefined> {
    const answer = await this.call('GET', path);
    if (answer.status === 404) return undefined;
    return (await this.ok(answer, path)).json() as Promise<T>;
  }

  async text(path: string): Promise<string | undefined> {
    const answer = await this.call('GET', path);
    if (answer.status === 404) return undefined;
    return (await this.ok(answer, path)).text();
  }

  async search<T>(path: string, body: unknown): Promise<SearchPage<T>> {
    const answer = await this.ok(await this.call('POST', path, body), path);
    return answer.json() as Promise<SearchPage<T>>;
  }

  private async call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Response> {
    if (!this.handler) {
      throw new RepositoryError(
        'READ_API_UNAVAILABLE',
        'In Zeebe mode the platform reads incidents, instances and element instances from Camunda’s REST API: set ZEEBE_REST_ADDRESS',
      );
    }
    const answer = await this.handler(
      new Request(`http://engine${path}`, {
        method,
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    );
    if (!answer) throw new Error(`the read API has no ${method} ${path}`);
    return answer;
  }

  private async ok(answer: Response, path: string): Promise<Response> {
    if (answer.ok) return answer;
    const detail = (await answer.text()).slice(0, 300);
    throw new RepositoryError(
      'ENGINE_UNAVAILABLE',
      `The read API answered ${answer.status} to ${path}: ${detail}`,
    );
  }
}
