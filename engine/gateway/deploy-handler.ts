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
    // Zeebe's order: processes, decisions, decision requirements, forms (§12).
    return {
      key: result.key,
      tenantId: DEFAULT_TENANT,
      deployments: [
        ...result.processes.map((process) => ({ process })),
        ...result.decisions.map((d) => ({
          decision: {
            dmnDecisionId: d.decisionId,
            dmnDecisionName: d.name,
            version: d.version,
            decisionKey: d.decisionKey,
            dmnDecisionRequirementsId: d.drgId,
            decisionRequirementsKey: d.drgKey,
            tenantId: d.tenantId,
          },
        })),
        ...result.decisionRequirements.map((drg) => ({
          decisionRequirements: {
            dmnDecisionRequirementsId: drg.drgId,
            dmnDecisionRequirementsName: drg.name,
            version: drg.version,
            decisionRequirementsKey: drg.drgKey,
            resourceName: drg.resourceName,
            tenantId: drg.tenantId,
          },
        })),
        ...result.forms.map((form) => ({ form })),
      ],
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
