import { Camunda8 } from '@camunda8/sdk';
import type { ZeebeGrpcClient } from '@camunda8/sdk/dist/zeebe/index.js';

export interface ZeebeClientOptions {
  /** host:port of a Zeebe gateway: the embedded engine's, or a Camunda 8 cluster's. */
  address: string;
  /** Bearer token for a gateway that requires one (ZEEBE_GATEWAY_TOKEN). */
  token?: string;
}

/**
 * The single factory of the Zeebe client (DESIGN principle 1): workers, the server, tests
 * and benchmarks all talk to an engine through the official SDK's gRPC client.
 */
export function createZeebeClient(options: ZeebeClientOptions): ZeebeGrpcClient {
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
