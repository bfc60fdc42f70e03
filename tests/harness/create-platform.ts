import { type ControlledClock, createZeebeClient, type ZeebeGrpcClient } from '../../engine/index.ts';
import { type Config, loadConfig } from '../../modules/server/config.ts';
import type { PlatformModule } from '../../modules/server/module.ts';
import { type RunningPlatform, startPlatform } from '../../modules/server/platform.ts';
import { createHttpClient, type HttpClient } from './http-client.ts';
import { createTestDatabases, type TestDatabaseKind, type TestDatabases } from './test-database.ts';

export interface PlatformOptions {
  /** Environment variables, as an operator would set them; ports and databases are chosen here. */
  env?: Record<string, string>;
  /** sqlite or mariadb; by default from TEST_DB. */
  database?: TestDatabaseKind;
  /** Replace the module list (to test the composition itself). */
  modules?: PlatformModule[];
  /** Run on these databases (shared with another platform) instead of fresh ones; they are not dropped. */
  databases?: TestDatabases;
  engineLease?: { ttlMs: number };
}

export interface TestPlatform {
  config: Config;
  http: HttpClient;
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
      modules: options.modules,
      ...(options.engineLease ? { engineLease: options.engineLease } : {}),
    });
    const zeebe = createZeebeClient({ address: platform.zeebeAddress, token: config.engine.gatewayToken });
    return {
      config,
      http: createHttpClient(platform.url),
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
