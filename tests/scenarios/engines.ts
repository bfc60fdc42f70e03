import { afterAll, beforeAll, describe, vi } from 'vitest';
import { createPlatform, type TestPlatform } from '../harness/create-platform.ts';
import {
  type ReferenceEngine,
  referenceEngineUnavailable,
  startReferenceEngine,
} from '../harness/zeebe-engine.ts';

export type EngineName = 'embedded' | 'zeebe';

/** The platform a scenario drives, on one engine, with the shipped processes deployed. */
export interface ScenarioPlatform extends TestPlatform {
  engine: EngineName;
  /**
   * Moves time forward on every clock (DESIGN seam 4): the platform's (SLA dates, contact
   * window) and the engine's (timers) — the embedded engine shares the platform's clock; the
   * reference Zeebe engine is moved by `IncreaseTime`. Resolves once due timers have fired.
   */
  advance(ms: number): Promise<void>;
  /** Retries `check` (an expectation) until it passes, on real time: the engine works asynchronously. */
  eventually<T>(check: () => Promise<T> | T, timeoutMs?: number): Promise<T>;
}

const unavailable = referenceEngineUnavailable();

/** Whether scenarios run on Zeebe here, and why not when they do not. */
export const ZEEBE = { available: unavailable === undefined, reason: unavailable } as const;

/**
 * Runs `body` once per engine: on the embedded engine always, on Zeebe 8.8's own engine where
 * Java 21+ and the built launcher exist (CI), skipped with the reason elsewhere. Each run has
 * its own platform and database, with the shipped processes of `processes/` deployed as
 * `npm start` deploys them.
 */
export function describeOnEngines(title: string, body: (platform: () => ScenarioPlatform) => void): void {
  for (const engine of ['embedded', 'zeebe'] as const) {
    const skip = engine === 'zeebe' && unavailable !== undefined;
    describe.skipIf(skip)(`${title} — ${engine}${skip ? ` (skipped: ${unavailable})` : ''}`, () => {
      let current: ScenarioPlatform | undefined;
      let zeebe: ReferenceEngine | undefined;
      beforeAll(async () => {
        zeebe = engine === 'zeebe' ? await startReferenceEngine() : undefined;
        const p = await createPlatform({
          processes: true,
          ...(zeebe ? { env: { ENGINE: 'zeebe', ZEEBE_ADDRESS: zeebe.address } } : {}),
        });
        const reference = zeebe;
        current = Object.assign(p, {
          engine,
          advance: async (ms: number) => {
            p.clock.advance(ms);
            if (reference) await reference.increaseTime(ms);
            else await p.platform.engineSettled?.();
          },
          eventually: <T>(check: () => Promise<T> | T, timeoutMs = 20_000) =>
            vi.waitFor(check, { timeout: timeoutMs, interval: 50 }),
        });
      }, 120_000);
      afterAll(async () => {
        await current?.close();
        await zeebe?.stop();
      }, 60_000);
      body(() => {
        if (!current) throw new Error('the scenario platform has not started');
        return current;
      });
    });
  }
}
