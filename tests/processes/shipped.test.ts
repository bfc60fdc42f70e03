import { readdir } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatLintProblem, lintBpmn } from '../../engine/index.ts';
import { PROCESSES_DIR } from '../../modules/server/processes.ts';
import { type Catalogue, readCatalogue, TEMPLATES_FOLDER } from './catalogue.ts';
import { missingDiagram, missingPlatformVersion } from './diagram.ts';
import {
  duplicateIds,
  formProblems,
  jobsWithoutWorker,
  misnamedModels,
  unresolvedCalledProcesses,
  unresolvedDecisions,
  unresolvedForms,
} from './model-checks.ts';
import { templateJobType, templateProblems, workersWithoutTemplate } from './template-checks.ts';
import { type RegisteredWorker, registeredWorkers } from './worker-types.ts';

// Every check lists all it finds, one line per problem naming the file and element, so a
// failure reads as a to-do list rather than the first mismatch.

let catalogue: Catalogue;
let loadedWorkers: RegisteredWorker[] | Error;

beforeAll(async () => {
  catalogue = await readCatalogue(PROCESSES_DIR);
  loadedWorkers = await registeredWorkers().catch((error: unknown) =>
    error instanceof Error ? error : new Error(String(error)),
  );
});

/** The platform's workers; a module that fails to load fails only the checks that need them. */
function workers(): RegisteredWorker[] {
  if (loadedWorkers instanceof Error)
    throw new Error(`cannot list the platform's workers: ${loadedWorkers.message}`);
  return loadedWorkers;
}

describe('the shipped processes (processes/)', () => {
  it('given the folder, reads every file the platform deploys at start and every element template', async () => {
    const deployed = (await readdir(PROCESSES_DIR)).filter((n) =>
      ['.bpmn', '.dmn', '.form'].includes(extname(n)),
    );
    const read = [...catalogue.models, ...catalogue.decisions, ...catalogue.forms].map((f) => f.file);
    expect(read.sort()).toEqual(deployed.sort());
    const templates = (await readdir(join(PROCESSES_DIR, TEMPLATES_FOLDER))).filter((n) =>
      n.endsWith('.json'),
    );
    expect(new Set(catalogue.templates.map((t) => t.file))).toEqual(
      new Set(templates.map((n) => `${TEMPLATES_FOLDER}/${n}`)),
    );
  });

  it("given every .bpmn and .dmn, the engine's own compiler reads and compiles it without a problem", () => {
    expect(catalogue.problems).toEqual([]);
  });

  it('given every .bpmn, the lint (bpmnlint recommended + Camunda 8.8) finds no error', async () => {
    const errors: string[] = [];
    for (const model of catalogue.models) {
      for (const p of await lintBpmn(model.xml)) {
        if (p.category === 'error') errors.push(`${model.file}: ${formatLintProblem(p)}`);
      }
    }
    expect(errors).toEqual([]);
  });

  it('given every .bpmn, its diagram has a shape for every flow element and an edge for every sequence flow', async () => {
    const problems = (await Promise.all(catalogue.models.map((m) => missingDiagram(m.file, m.xml)))).flat();
    expect(problems).toEqual([]);
  });

  it('given every .bpmn and .dmn, it was made for Camunda 8.8 (modeler:executionPlatformVersion="8.8.0")', () => {
    const files = [...catalogue.models, ...catalogue.decisions];
    expect(files.flatMap((f) => missingPlatformVersion(f.file, f.xml))).toEqual([]);
  });

  it('given the folder, process and decision ids are unique across its files (one deployment)', () => {
    expect(duplicateIds(catalogue)).toEqual([]);
  });

  it('given every .bpmn, its process id equals its file name (STYLE rule 10)', () => {
    expect(misnamedModels(catalogue)).toEqual([]);
  });

  it('given every job a model creates, a platform worker takes its type (or it is a job-based user task)', () => {
    expect(jobsWithoutWorker(catalogue, workers())).toEqual([]);
  });

  it('given every user task, its linked form (zeebe:formDefinition formId) is a .form of the folder', () => {
    expect(unresolvedForms(catalogue)).toEqual([]);
  });

  it('given every business rule task, its decision is defined by a .dmn of the folder', () => {
    expect(unresolvedDecisions(catalogue)).toEqual([]);
  });

  it('given every call activity, the process it calls is shipped in the folder', () => {
    expect(unresolvedCalledProcesses(catalogue)).toEqual([]);
  });

  it('given every .form, it has a unique id, targets Camunda 8.8, and every label and text has its English twin', () => {
    expect(formProblems(catalogue)).toEqual([]);
  });
});

describe('the element templates (processes/element-templates/)', () => {
  it('given every template, it fits the element template schema and our conventions, and its job type has a worker', () => {
    expect(templateProblems(catalogue, workers())).toEqual([]);
  });

  it('given every CRM worker (job type crm.*), a template places it', () => {
    expect(workers().some((w) => w.type === 'crm.notifications.send')).toBe(true);
    expect(workersWithoutTemplate(catalogue, workers())).toEqual([]);
  });

  it('given the notifications template, it sends through crm.notifications.send with the worker’s variables', () => {
    const template = catalogue.templates.find((t) => t.file === `${TEMPLATES_FOLDER}/notifications.json`);
    if (!template) throw new Error('processes/element-templates/notifications.json is missing');
    expect(templateJobType(template)).toBe('crm.notifications.send');
    expect(template.template.name).toBe('Kirim notifikasi ke nasabah');
    const bindings = (
      template.template.properties as { binding: { type: string; name?: string; source?: string } }[]
    )
      .map(({ binding }) => binding)
      .filter((b) => b.type === 'zeebe:input' || b.type === 'zeebe:output')
      .map((b) => (b.type === 'zeebe:input' ? b.name : `out ${b.source}`));
    expect(bindings.sort()).toEqual(
      [
        'channel',
        'customerId',
        'data',
        'locale',
        'purpose',
        'ref',
        'templateKey',
        'out =notificationId',
      ].sort(),
    );
  });
});
