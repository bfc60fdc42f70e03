import { DEFAULT_TENANT, deploy } from '../embedded/commands/deploy.ts';
import type { CommandProcessor } from '../embedded/processor.ts';
import { GatewayError } from './errors.ts';
import type { UnaryHandler } from './grpc-server.ts';

/** DeployResource onto the embedded engine's deploy command. */
export function deployResourceHandler(processor: CommandProcessor): UnaryHandler {
  return async (request) => {
    checkTenant(request.tenantId, 'DeployResource');
    const resources = (request.resources as { name: string; content: Buffer }[] | undefined) ?? [];
    const result = await deploy(processor, resources);
    return {
      key: result.key,
      tenantId: DEFAULT_TENANT,
      deployments: result.processes.map((process) => ({ process })),
    };
  };
}

/** Multi-tenancy is off in the embedded engine, as in a Zeebe cluster without it. */
export function checkTenant(tenantId: unknown, rpc: string): void {
  if (tenantId && tenantId !== DEFAULT_TENANT) {
    throw new GatewayError(
      'INVALID_ARGUMENT',
      `Expected to handle gRPC request ${rpc} with tenant identifier '${String(tenantId)}', but multi-tenancy is disabled`,
    );
  }
}
