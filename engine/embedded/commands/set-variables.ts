import { GatewayError } from '../../gateway/errors.ts';
import type { Runtime } from '../runtime/runtime.ts';

/**
 * SetVariables on an active element or process instance: `local` writes only that scope,
 * otherwise each variable propagates as a job result does (§1). Returns the command's key.
 */
export async function setVariables(
  rt: Runtime,
  request: { scopeKey: string; variables: Record<string, unknown>; local: boolean },
): Promise<string> {
  const notFound = () =>
    GatewayError.rejected(
      'UPDATE',
      'NOT_FOUND',
      `Expected to update variables for element with key '${request.scopeKey}', but no such element was found`,
    );
  const process = await rt.instances.process(request.scopeKey);
  let chain: string[];
  let processInstanceKey: string;
  if (process) {
    if (process.state !== 'ACTIVE') throw notFound();
    chain = [process.key];
    processInstanceKey = process.key;
  } else {
    const element = await rt.instances.element(request.scopeKey);
    if (element?.state !== 'ACTIVE') throw notFound();
    chain = await rt.scopeChain(element);
    processInstanceKey = element.processInstanceKey;
  }
  if (request.local) {
    await rt.variables.setLocal(request.scopeKey, processInstanceKey, request.variables);
  } else {
    await rt.variables.merge(chain, processInstanceKey, request.variables);
  }
  return rt.tx.nextKey();
}
