import type { Clock } from '../clock.ts';
import { deployResourceHandler } from '../gateway/deploy-handler.ts';
import { type RunningGateway, startGateway } from '../gateway/grpc-server.ts';
import {
  cancelInstanceHandler,
  resolveIncidentHandler,
  setVariablesHandler,
} from '../gateway/instance-commands.ts';
import { createInstanceHandler, createInstanceWithResultHandler } from '../gateway/instance-handlers.ts';
import {
  activateJobsHandler,
  completeJobHandler,
  failJobHandler,
  throwErrorHandler,
  updateJobRetriesHandler,
  updateJobTimeoutHandler,
} from '../gateway/job-handlers.ts';
import { topologyHandler } from '../gateway/topology.ts';
import { CommandProcessor } from './processor.ts';
import { openEngineStore } from './store/open.ts';
import type { EngineStorage } from './store/store.ts';

export interface EmbeddedEngineOptions {
  clock: Clock;
  storage: EngineStorage;
  gateway: { host: string; port: number; token?: string };
  onInternalError?: (error: unknown, method: string) => void;
}

export interface EmbeddedEngine {
  /** host:port where Zeebe clients reach the gateway. */
  gatewayAddress: string;
  close(): Promise<void>;
}

/**
 * The embedded engine behind its Zeebe gateway. So far: topology, deployments, instances,
 * jobs (activate, complete, fail); every RPC not built yet answers UNIMPLEMENTED.
 */
export async function startEmbeddedEngine(options: EmbeddedEngineOptions): Promise<EmbeddedEngine> {
  const store = await openEngineStore(options.storage);
  const processor = new CommandProcessor(store, options.clock);
  let gateway: RunningGateway | undefined;
  try {
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
          DeployResource: deployResourceHandler(store, options.clock),
          CreateProcessInstance: createInstanceHandler(processor),
          CreateProcessInstanceWithResult: createInstanceWithResultHandler(processor),
          CompleteJob: completeJobHandler(processor),
          FailJob: failJobHandler(processor),
          ThrowError: throwErrorHandler(processor),
          UpdateJobRetries: updateJobRetriesHandler(processor),
          UpdateJobTimeout: updateJobTimeoutHandler(processor),
          CancelProcessInstance: cancelInstanceHandler(processor),
          SetVariables: setVariablesHandler(processor),
          ResolveIncident: resolveIncidentHandler(processor),
        },
        streams: {
          ActivateJobs: activateJobsHandler(processor),
        },
      },
    });
  } catch (error) {
    await store.close();
    throw error;
  }
  const running = gateway;
  return {
    gatewayAddress: running.address,
    close: async () => {
      await running.close();
      processor.close();
      await store.close();
    },
  };
}
