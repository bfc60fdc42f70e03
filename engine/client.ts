import { Camunda8 } from '@camunda8/sdk';
import { CamundaEnvironmentConfigurator, constructOAuthProvider } from '@camunda8/sdk/dist/lib/index.js';
import type { ZeebeGrpcClient } from '@camunda8/sdk/dist/zeebe/index.js';

export interface ZeebeClientOptions {
  /** host:port of a Zeebe gateway: the embedded engine's, or a Camunda 8 cluster's. */
  address: string;
  /** Bearer token for a gateway that requires one (ZEEBE_GATEWAY_TOKEN). */
  token?: string;
  /**
   * A Camunda 8 cluster's authentication, as the SDK's own variables (CAMUNDA_AUTH_STRATEGY,
   * CAMUNDA_OAUTH_URL, ZEEBE_CLIENT_ID, ZEEBE_CLIENT_SECRET, CAMUNDA_SECURE_CONNECTION…).
   */
  camunda?: Record<string, string>;
}

/**
 * The single factory of the Zeebe client (DESIGN principle 1): workers, the server, tests
 * and benchmarks all talk to an engine through the official SDK's gRPC client.
 */
export function createZeebeClient(options: ZeebeClientOptions): ZeebeGrpcClient {
  if (options.camunda?.CAMUNDA_AUTH_STRATEGY) {
    const secure = options.camunda.CAMUNDA_SECURE_CONNECTION === 'true';
    const cluster = new Camunda8({
      ...options.camunda,
      // A server keeps tokens in memory, never in a file under $HOME.
      CAMUNDA_TOKEN_DISK_CACHE_DISABLE: true,
      ZEEBE_GRPC_ADDRESS: `${secure ? 'grpcs' : 'grpc'}://${options.address}`,
      zeebeGrpcSettings: { ZEEBE_CLIENT_LOG_LEVEL: 'NONE' },
    } as never);
    return cluster.getZeebeGrpcApiClient();
  }
  const camunda = new Camunda8({
    // grpc:// means plaintext; the embedded gateway binds to loopback (or requires a token).
    ZEEBE_GRPC_ADDRESS: `grpc://${options.address}`,
    CAMUNDA_AUTH_STRATEGY: options.token ? 'BEARER' : 'NONE',
    ...(options.token ? { CAMUNDA_OAUTH_TOKEN: options.token } : {}),
    zeebeGrpcSettings: { ZEEBE_CLIENT_LOG_LEVEL: 'NONE' },
  });
  return camunda.getZeebeGrpcApiClient();
}

export type { ZeebeGrpcClient };

/**
 * The authorization headers for a Camunda 8 cluster's REST API, from the SDK's own provider
 * (OAuth client credentials with token caching and renewal, a bearer token, or basic auth).
 */
export function createCamundaAuthHeaders(
  camunda: Record<string, string>,
): () => Promise<Record<string, string>> {
  const provider = constructOAuthProvider(
    CamundaEnvironmentConfigurator.mergeConfigWithEnvironment({
      ...camunda,
      CAMUNDA_TOKEN_DISK_CACHE_DISABLE: true,
    } as never),
  );
  return async () => (await provider.getHeaders('ZEEBE')) as Record<string, string>;
}
