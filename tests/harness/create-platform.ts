import { type ControlledClock, createZeebeClient, type ZeebeGrpcClient } from '../../engine/index.ts';
import { type Config, loadConfig } from '../../modules/server/config.ts';
import type { PlatformModule } from '../../modules/server/module.ts';
import { MODULES } from '../../modules/server/modules.ts';
import { type RunningPlatform, startPlatform } from '../../modules/server/platform.ts';
import { PROCESSES_DIR } from '../../modules/server/processes.ts';
import { createHttpClient, type HttpClient } from './http-client.ts';
import { createTestDatabases, type TestDatabaseKind, type TestDatabases } from './test-database.ts';

export interface PlatformOptions {
  /** Environment variables, as an operator would set them; ports and databases are chosen here. */
  env?: Record<string, string>;
  /** sqlite or mariadb; by default from TEST_DB. */
  database?: TestDatabaseKind;
  /** Replace the module list (to test the composition itself). */
  modules?: PlatformModule[];
  /**
   * Leave these modules out: suites that act as the engine's own clients (activating user-task
   * jobs themselves) run without `tasks`, which would otherwise take those jobs first.
   */
  without?: string[];
  /** Run on these databases (shared with another platform) instead of fresh ones; they are not dropped. */
  databases?: TestDatabases;
  engineLease?: { ttlMs: number };
  /**
   * Deploy the shipped processes of `processes/` at start, as `npm start` does (true), or
   * another folder's; off by default, so suites see only the models they deploy themselves.
   */
  processes?: boolean | string;
}

export interface TestPlatform {
  config: Config;
  /** Logged in as admin (DEMO_PASSWORD in demo mode, else ADMIN_PASSWORD). */
  http: HttpClient;
  /** Logged in as this user (a demo user: DEMO_PASSWORD), logging in again after a 401. */
  as(username: string): HttpClient;
  /** No token: what an anonymous caller gets. */
  anonymous: HttpClient;
  /** The official Zeebe gRPC client, connected to the platform's gateway. */
  zeebe: ZeebeGrpcClient;
  clock: ControlledClock;
  platform: RunningPlatform;
  /** Stops the platform and deletes its databases. */
  close(): Promise<void>;
}

/**
 * The whole platform in this process (DESIGN seam 9): HTTP on port 0, its own fresh
 * databases, clock control on. Every suite starts the platform through here.
 */
export async function createPlatform(options: PlatformOptions = {}): Promise<TestPlatform> {
  const shared = options.databases;
  const databases = shared ?? (await createTestDatabases(options.database));
  const drop = () => (shared ? Promise.resolve() : databases.drop());
  try {
    const config = loadConfig({
      NODE_ENV: 'test',
      ZEEBE_CLOCK_CONTROLLED: 'true',
      ...options.env,
      PORT: '0',
      ZEEBE_GATEWAY_PORT: '0',
      DATABASE_URL: databases.databaseUrl,
      ENGINE_DATABASE_URL: databases.engineDatabaseUrl,
    });
    const platform = await startPlatform(config, {
      hostname: '127.0.0.1',
      modules: options.without
        ? (options.modules ?? MODULES).filter((module) => !options.without?.includes(module.name))
        : options.modules,
      ...(options.engineLease ? { engineLease: options.engineLease } : {}),
      processes:
        options.processes === true
          ? PROCESSES_DIR
          : typeof options.processes === 'string'
            ? options.processes
            : false,
    });
    const zeebe = createZeebeClient({
      address: platform.zeebeAddress,
      token: config.engine.gatewayToken,
      camunda: config.engine.camundaAuth,
    });
    const anonymous = createHttpClient(platform.url);
    const users = new Map<string, HttpClient>();
    return {
      config,
      http: loggedInAs(anonymous, 'admin', config.demo ? config.demoPassword : config.adminPassword),
      as: (username) => {
        // One client per user, so its token is reused (logins are rate limited per address).
        const client = users.get(username) ?? loggedInAs(anonymous, username, config.demoPassword);
        users.set(username, client);
        return client;
      },
      anonymous,
      zeebe,
      clock: platform.clock,
      platform,
      close: async () => {
        await zeebe.close();
        await platform.close();
        await drop();
      },
    };
  } catch (error) {
    await drop();
    throw error;
  }
}

/**
 * A user's client: tests of everything but identity itself act as an administrator. Tests
 * move the platform clock, which expires tokens, so a 401 logs in again and retries once.
 */
function loggedInAs(anonymous: HttpClient, username: string, password: string | undefined): HttpClient {
  let authorized: HttpClient | undefined;
  const logIn = async () => {
    const answer = await anonymous.post<{ token?: string }>('/api/auth/login', {
      username,
      password,
    });
    authorized = answer.body?.token ? anonymous.withToken(answer.body.token) : anonymous;
    return authorized;
  };
  const request: HttpClient['request'] = async (method, path, body, headers) => {
    const first = await (authorized ?? (await logIn())).request(method, path, body, headers);
    if (first.status !== 401 || path.startsWith('/api/auth/')) return first as never;
    return (await logIn()).request(method, path, body, headers);
  };
  return {
    baseUrl: anonymous.baseUrl,
    request,
    get: (path, headers) => request('GET', path, undefined, headers),
    post: (path, body, headers) => request('POST', path, body, headers),
    put: (path, body, headers) => request('PUT', path, body, headers),
    patch: (path, body, headers) => request('PATCH', path, body, headers),
    delete: (path, body, headers) => request('DELETE', path, body, headers),
    withToken: (token) => anonymous.withToken(token),
  };
}
