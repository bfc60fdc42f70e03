import { broadcastSignal } from '../embedded/commands/broadcast-signal.ts';
import { DEFAULT_TENANT } from '../embedded/commands/deploy.ts';
import { publishMessage } from '../embedded/commands/publish-message.ts';
import type { CommandProcessor } from '../embedded/processor.ts';
import { checkTenant } from './deploy-handler.ts';
import { GatewayError } from './errors.ts';
import type { UnaryHandler } from './grpc-server.ts';
import { int, parseVariables } from './values.ts';

/** PublishMessage: the response key is the message key, whether or not it correlated (§6). */
export function publishMessageHandler(processor: CommandProcessor): UnaryHandler {
  return async (request) => {
    checkTenant(request.tenantId, 'PublishMessage');
    const name = String(request.name ?? '');
    if (name === '')
      throw new GatewayError(
        'INVALID_ARGUMENT',
        'Expected to publish a message with a name, but the name is empty',
      );
    const variables = parseVariables(request.variables);
    const key = await processor.run((rt) =>
      publishMessage(rt, {
        name,
        correlationKey: String(request.correlationKey ?? ''),
        timeToLive: int(request.timeToLive),
        messageId: String(request.messageId ?? ''),
        variables,
      }),
    );
    return { key, tenantId: DEFAULT_TENANT };
  };
}

/** BroadcastSignal: not buffered; a key is returned even when nothing caught it (§8). */
export function broadcastSignalHandler(processor: CommandProcessor): UnaryHandler {
  return async (request) => {
    checkTenant(request.tenantId, 'BroadcastSignal');
    const name = String(request.signalName ?? '');
    if (name === '')
      throw new GatewayError(
        'INVALID_ARGUMENT',
        'Expected to broadcast a signal with a name, but the signal name is empty',
      );
    const variables = parseVariables(request.variables);
    const key = await processor.run((rt) => broadcastSignal(rt, name, variables));
    return { key, tenantId: DEFAULT_TENANT };
  };
}
