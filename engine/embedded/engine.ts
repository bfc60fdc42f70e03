import type { Clock } from '../clock.ts';
import { type RunningGateway, startGateway } from '../gateway/grpc-server.ts';
import { topologyHandler } from '../gateway/topology.ts';

export interface EmbeddedEngineOptions {
  clock: Clock;
  gateway: { host: string; port: number; token?: string };
  onInternalError?: (error: unknown, method: string) => void;
}

export interface EmbeddedEngine {
  /** host:port where Zeebe clients reach the gateway. */
  gatewayAddress: string;
  close(): Promise<void>;
}

/**
 * The embedded engine behind its Zeebe gateway. This first increment serves the protocol
 * and the topology; every RPC not built yet answers UNIMPLEMENTED.
 */
export async function startEmbeddedEngine(options: EmbeddedEngineOptions): Promise<EmbeddedEngine> {
  let gateway: RunningGateway | undefined;
  gateway = await startGateway({
    host: options.gateway.host,
    port: options.gateway.port,
    token: options.gateway.token,
    onInternalError: options.onInternalError,
    handlers: {
      unary: {
        Topology: topologyHandler(() => ({
          host: options.gateway.host,
          port: gateway?.port ?? options.gateway.port,
        })),
      },
      streams: {},
    },
  });
  const running = gateway;
  return {
    gatewayAddress: running.address,
    close: () => running.close(),
  };
}
