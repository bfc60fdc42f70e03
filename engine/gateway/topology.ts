import type { UnaryHandler } from './grpc-server.ts';

export const ENGINE_VERSION = '8.8.0';

/** One broker that leads the single partition: the embedded engine's whole cluster. */
export function topologyHandler(advertised: () => { host: string; port: number }): UnaryHandler {
  return async () => {
    const { host, port } = advertised();
    return {
      brokers: [
        {
          nodeId: 0,
          host,
          port,
          version: ENGINE_VERSION,
          partitions: [{ partitionId: 1, role: 'LEADER', health: 'HEALTHY' }],
        },
      ],
      clusterSize: 1,
      partitionsCount: 1,
      replicationFactor: 1,
      gatewayVersion: ENGINE_VERSION,
    };
  };
}
