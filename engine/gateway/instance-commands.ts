import { cancelInstance } from '../embedded/commands/cancel-instance.ts';
import { resolveIncident } from '../embedded/commands/resolve-incident.ts';
import { setVariables } from '../embedded/commands/set-variables.ts';
import type { CommandProcessor } from '../embedded/processor.ts';
import type { UnaryHandler } from './grpc-server.ts';
import { parseVariables } from './values.ts';

export function cancelInstanceHandler(processor: CommandProcessor): UnaryHandler {
  return async (request) => {
    await processor.run((rt) => cancelInstance(rt, String(request.processInstanceKey)));
    return {};
  };
}

export function setVariablesHandler(processor: CommandProcessor): UnaryHandler {
  return async (request) => {
    const variables = parseVariables(request.variables);
    const key = await processor.run((rt) =>
      setVariables(rt, {
        scopeKey: String(request.elementInstanceKey),
        variables,
        local: Boolean(request.local),
      }),
    );
    return { key };
  };
}

export function resolveIncidentHandler(processor: CommandProcessor): UnaryHandler {
  return async (request) => {
    await processor.run((rt) => resolveIncident(rt, String(request.incidentKey)));
    return {};
  };
}
