import type { Clock } from '../clock.ts';
import { evaluateDecisionHandler } from '../gateway/decision-handlers.ts';
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
  streamActivatedJobsHandler,
  throwErrorHandler,
  updateJobRetriesHandler,
  updateJobTimeoutHandler,
} from '../gateway/job-handlers.ts';
import { broadcastSignalHandler, publishMessageHandler } from '../gateway/message-handlers.ts';
import { topologyHandler } from '../gateway/topology.ts';
import { type LeaseOptions, ProcessorLease } from './lease.ts';
import { CommandProcessor } from './processor.ts';
import { openEngineStore } from './store/open.ts';
import type { EngineStorage } from './store/store.ts';
import { TimerScheduler } from './timer-scheduler.ts';

export interface EmbeddedEngineOptions {
  clock: Clock;
  storage: EngineStorage;
  gateway: { host: string; port: number; token?: string };
  onInternalError?: (error: unknown, method: string) => void;
  /** Called when this process lost the processor lease and went on standby. */
  onLeaseLost?: () => void;
  /** Processor lease timing (DESIGN seam 5); real time, injectable for tests. */
  lease?: Partial<LeaseOptions>;
}

export interface EmbeddedEngine {
  /** host:port where Zeebe clients reach the gateway. */
  gatewayAddress: string;
  /** The engine's state, for the /v2 read API (createReadApiHandler). */
  readonly store: import('./store/store.ts').EngineStore;
  /** Whether this process holds the processor lease (false: standby). */
  readonly active: boolean;
  /** Resolves once the timers due by the engine clock have fired (tests, after moving the clock). */
  settled(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The embedded engine behind its Zeebe gateway. So far: topology, deployments, instances,
 * jobs (activate, complete, fail); every RPC not built yet answers UNIMPLEMENTED.
 */
export async function startEmbeddedEngine(options: EmbeddedEngineOptions): Promise<EmbeddedEngine> {
  const store = await openEngineStore(options.storage);
  const lease = new ProcessorLease(store, { ttlMs: 15_000, wallClock: Date.now, ...options.lease });
  const processor = new CommandProcessor(store, options.clock);
  const standby = 'This engine is on standby: another process holds the processor lease of this database';
  // A process that finds the lease held serves the gateway but refuses commands, and takes
  // over once the holder stops renewing (or has died on this host).
  const tick = async () => {
    const held = lease.held ? await lease.renew() : await lease.tryTake();
    if (held === lease.held) return;
    lease.held = held;
    if (held) processor.resume();
    else {
      processor.stop(standby);
      options.onLeaseLost?.();
    }
  };
  lease.held = await lease.tryTake();
  if (!lease.held) processor.stop(standby);
  const renewal = setInterval(
    () => {
      tick().catch((error) => options.onInternalError?.(error, 'processor lease'));
    },
    (options.lease?.ttlMs ?? 15_000) / 3,
  );
  renewal.unref();
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
          DeployResource: deployResourceHandler(processor),
          EvaluateDecision: evaluateDecisionHandler(processor),
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
          PublishMessage: publishMessageHandler(processor),
          BroadcastSignal: broadcastSignalHandler(processor),
        },
        streams: {
          ActivateJobs: activateJobsHandler(processor),
          StreamActivatedJobs: streamActivatedJobsHandler(processor),
        },
      },
    });
  } catch (error) {
    clearInterval(renewal);
    await lease.release();
    await store.close();
    throw error;
  }
  const running = gateway;
  const timers = new TimerScheduler(processor, options.clock, (error) =>
    options.onInternalError?.(error, 'timers'),
  );
  timers.check();
  return {
    gatewayAddress: running.address,
    store,
    get active() {
      return lease.held;
    },
    settled: () => timers.settled(),
    close: async () => {
      await running.close();
      timers.stop();
      clearInterval(renewal);
      processor.close();
      if (lease.held) await lease.release();
      await store.close();
    },
  };
}
