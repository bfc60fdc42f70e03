import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bpmn } from '../fixtures/bpmn/build.ts';
import { finished, spawnTs } from '../harness/processes.ts';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lint-processes-'));
  await copyFile(
    new URL('../../engine/model/fixtures/case-review.bpmn', import.meta.url),
    join(dir, 'cases-review.bpmn'),
  );
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('npm run lint:processes', () => {
  it('given only clean models, prints ok for each and exits 0', async () => {
    const run = await finished(spawnTs('tests/processes/lint-command.ts', [dir]));
    expect(run.stdout).toContain('cases-review.bpmn: ok\n');
    expect(run.stdout).toContain(`1 models in ${dir}: 0 errors, 0 warnings`);
    expect(run.code).toBe(0);
  });

  it('given a model with errors, prints each problem under its file and exits 1', async () => {
    await writeFile(join(dir, 'cases-broken.bpmn'), bpmn('cases-broken', '<bpmn:startEvent id="start" />'));
    const run = await finished(spawnTs('tests/processes/lint-command.ts', [dir]));
    const section = run.stdout.slice(
      run.stdout.indexOf('cases-broken.bpmn\n'),
      run.stdout.indexOf('cases-review.bpmn'),
    );
    expect(section).toContain("\n  error Element 'start': Element is missing label/name (label-required)\n");
    expect(run.stdout).toMatch(/2 models in .*: [1-9]\d* errors/);
    expect(run.code).toBe(1);
  });
});
