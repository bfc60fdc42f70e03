import * as grpc from '@grpc/grpc-js';
import { loadGatewayService } from '../../engine/gateway/proto.ts';

type Call = (
  request: object,
  callback: (error: grpc.ServiceError | null, response?: unknown) => void,
) => void;

/**
 * A bare gRPC client of the Zeebe gateway service, for the few checks the SDK cannot make:
 * it rewrites some fields (version 0 → −1) and retries UNAVAILABLE by itself.
 */
export function rawGateway(address: string) {
  const Gateway = grpc.makeGenericClientConstructor(loadGatewayService(), 'Gateway');
  const client = new Gateway(address, grpc.credentials.createInsecure());
  const methods = client as unknown as Record<string, Call>;
  return {
    call: (rpc: string, request: object) =>
      new Promise<{ error: grpc.ServiceError | null; response?: unknown }>((resolve) =>
        methods[rpc]?.call(client, request, (error, response) => resolve({ error, response })),
      ),
    /** Opens a server-streaming call; messages arrive on its 'data' events. */
    stream: (rpc: string, request: object) =>
      (
        client as unknown as Record<
          string,
          (request: object) => grpc.ClientReadableStream<Record<string, unknown>>
        >
      )[rpc]?.call(client, request),
    close: () => client.close(),
  };
}
