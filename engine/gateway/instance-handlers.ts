import { type CreateInstanceRequest, createInstance } from '../embedded/commands/create-instance.ts';
import { DEFAULT_TENANT } from '../embedded/commands/deploy.ts';
import type { CommandProcessor } from '../embedded/processor.ts';
import { checkTenant } from './deploy-handler.ts';
import { GatewayError } from './errors.ts';
import type { UnaryHandler } from './grpc-server.ts';
import { int, parseVariables } from './values.ts';

const DEFAULT_WITH_RESULT_TIMEOUT_MS = 15_000;

function toCreateRequest(request: Record<string, unknown>, rpc: string): CreateInstanceRequest {
  checkTenant(request.tenantId, rpc);
  if (Array.isArray(request.startInstructions) && request.startInstructions.length > 0) {
    throw new GatewayError(
      'UNIMPLEMENTED',
      'Start instructions are not supported by the embedded engine yet',
    );
  }
  return {
    bpmnProcessId: String(request.bpmnProcessId ?? ''),
    version: int(request.version),
    processDefinitionKey: String(request.processDefinitionKey ?? '0'),
    variables: parseVariables(request.variables),
  };
}

export function createInstanceHandler(processor: CommandProcessor): UnaryHandler {
  return async (request) => {
    const created = await processor.run((rt) =>
      createInstance(rt, toCreateRequest(request, 'CreateProcessInstance')),
    );
    return { ...created, tenantId: DEFAULT_TENANT };
  };
}

/**
 * Answers when the instance completes, with its root variables (or only `fetchVariables`);
 * past the request timeout, DEADLINE_EXCEEDED while the instance runs on (ZEEBE-SEMANTICS §13).
 */
export function createInstanceWithResultHandler(processor: CommandProcessor): UnaryHandler {
  return async (request) => {
    const inner = (request.request ?? {}) as Record<string, unknown>;
    const timeout =
      int(request.requestTimeout) > 0 ? int(request.requestTimeout) : DEFAULT_WITH_RESULT_TIMEOUT_MS;
    const fetch = (request.fetchVariables as string[] | undefined) ?? [];
    let finished!: Promise<Record<string, unknown>>;
    const created = await processor.run(
      (rt) => createInstance(rt, toCreateRequest(inner, 'CreateProcessInstanceWithResult')),
      (result) => {
        finished = new Promise((resolve) =>
          processor.events.once(`completed:${result.processInstanceKey}`, resolve),
        );
      },
    );
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new GatewayError(
              'DEADLINE_EXCEEDED',
              `Time out between gateway and broker: Request timed out after PT${timeout / 1000}S`,
            ),
          ),
        timeout,
      );
    });
    try {
      const variables = await Promise.race([finished, expired]);
      const selected =
        fetch.length === 0
          ? variables
          : Object.fromEntries(fetch.filter((n) => n in variables).map((n) => [n, variables[n]]));
      return { ...created, variables: JSON.stringify(selected), tenantId: DEFAULT_TENANT };
    } finally {
      clearTimeout(timer);
      processor.events.removeAllListeners(`completed:${created.processInstanceKey}`);
    }
  };
}
