import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';

/**
 * The Zeebe gateway service definition, loaded from the copy of zeebe.proto that ships in
 * @camunda8/sdk (DESIGN principle 1: never copied into this repository), so the embedded
 * gateway speaks exactly the protocol the official client speaks.
 */
export function loadGatewayService(): grpc.ServiceDefinition {
  const require = createRequire(import.meta.url);
  const sdkRoot = dirname(require.resolve('@camunda8/sdk/package.json'));
  const definition = protoLoader.loadSync(join(sdkRoot, 'dist/proto/zeebe.proto'), {
    keepCase: true,
    longs: String,
    enums: String,
    defaults: true,
    oneofs: true,
  });
  const pkg = grpc.loadPackageDefinition(definition) as unknown as {
    gateway_protocol: { Gateway: grpc.ServiceClientConstructor };
  };
  return pkg.gateway_protocol.Gateway.service;
}
