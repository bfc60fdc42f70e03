import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createZeebeClient, type ZeebeGrpcClient } from '../../engine/index.ts';
import { ROOT, waitForLine } from './processes.ts';

/** Where `mvn -f tests/zeebe/pom.xml package` puts the launcher and its dependencies. */
const TARGET = join(ROOT, 'tests/zeebe/target');
const JAR = join(TARGET, 'reference-engine-1.0.0.jar');

/** Zeebe 8.8's engine runs on Java 21 or newer. */
const MIN_JAVA = 21;

/** Zeebe's own engine (in memory) behind our launcher: its gateway, its clock and its records. */
export interface ReferenceEngine {
  address: string;
  zeebe: ZeebeGrpcClient;
  /** Moves the engine clock forward and waits until the engine is idle. */
  increaseTime(ms: number): Promise<void>;
  /** Waits until the engine has processed everything written so far. */
  idle(): Promise<void>;
  /** Every record the engine wrote so far (Zeebe's exporter JSON). */
  records(): Promise<ZeebeRecord[]>;
  stop(): Promise<void>;
}

export interface ZeebeRecord {
  valueType: string;
  recordType: string;
  intent: string;
  key: number;
  position: number;
  rejectionType: string;
  rejectionReason: string;
  value: Record<string, unknown>;
}

/**
 * Why the reference engine cannot run here (no Java ≥ 21, launcher not built), or undefined
 * when it can. Suites that need it skip with this message; CI builds it and has Java.
 */
export function referenceEngineUnavailable(): string | undefined {
  if (!java()) return `no Java ${MIN_JAVA}+ found (set JAVA_HOME or install a JDK under /usr/lib/jvm)`;
  if (!existsSync(JAR)) return 'the reference engine is not built: run mvn -q -f tests/zeebe/pom.xml package';
  return undefined;
}

/** Starts Zeebe's engine on free ports; `stop()` ends it. */
export async function startReferenceEngine(): Promise<ReferenceEngine> {
  const javaBin = java();
  if (!javaBin || !existsSync(JAR)) throw new Error(referenceEngineUnavailable());
  const [gatewayPort, controlPort] = [await freePort(), await freePort()];
  const child = spawn(
    javaBin,
    [
      '-cp',
      `${JAR}:${join(TARGET, 'lib', '*')}`,
      'bank.platform.reference.ReferenceEngine',
      String(gatewayPort),
      String(controlPort),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  try {
    await waitForLine(child, /^READY /, 60_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  const address = `127.0.0.1:${gatewayPort}`;
  const control = `http://127.0.0.1:${controlPort}`;
  // A fresh connection per call: fetch reuses idle keep-alive sockets, which the engine's HTTP
  // server may have closed meanwhile ("other side closed"), and a time increase must not be retried.
  const call = (method: string, path: string) =>
    new Promise<unknown>((resolve, reject) => {
      const req = httpRequest(`${control}${path}`, { method, agent: false }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
        });
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          if (status < 200 || status >= 300) reject(new Error(`reference engine ${path}: ${status} ${text}`));
          else resolve(text === '' ? null : JSON.parse(text));
        });
      });
      req.on('error', reject);
      req.end();
    });
  const zeebe = createZeebeClient({ address });
  return {
    address,
    zeebe,
    increaseTime: async (ms) => void (await call('POST', `/time?ms=${Math.round(ms)}`)),
    idle: async () => void (await call('POST', '/idle')),
    records: async () => (await call('GET', '/records')) as ZeebeRecord[],
    stop: async () => {
      await zeebe.close().catch(() => undefined);
      await stopChild(child, () => call('POST', '/stop'));
    },
  };
}

async function stopChild(child: ChildProcess, ask: () => Promise<unknown>): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await ask().catch(() => child.kill('SIGKILL'));
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** A JDK's java of at least MIN_JAVA: JAVA_HOME first, then the newest under /usr/lib/jvm. */
function java(): string | undefined {
  const homes = [process.env.JAVA_HOME, ...jvmHomes()].filter((home): home is string => !!home);
  for (const home of homes) {
    const bin = join(home, 'bin', 'java');
    if (existsSync(bin) && javaVersion(home) >= MIN_JAVA) return bin;
  }
  return undefined;
}

function jvmHomes(): string[] {
  const root = '/usr/lib/jvm';
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .map((name) => join(root, name))
    .sort((a, b) => javaVersion(b) - javaVersion(a));
}

/** The feature version from a JDK's `release` file (JAVA_VERSION="25.0.1"), 0 when unknown. */
function javaVersion(home: string): number {
  const release = join(home, 'release');
  if (!existsSync(release)) return 0;
  const match = /JAVA_VERSION="(\d+)/.exec(readFileSync(release, 'utf8'));
  return match ? Number(match[1]) : 0;
}

/** A port free right now on loopback (the engine binds it a moment later). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
