// `npm run lint:processes [dir]`: the lint of every shipped model (default: processes/), one
// line per problem; exits 1 when any model has an error, so CI and a person see the same thing.
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { formatLintProblem, lintBpmn } from '../../engine/index.ts';
import { PROCESSES_DIR } from '../../modules/server/processes.ts';

const dir = process.argv[2] ? resolve(process.argv[2]) : PROCESSES_DIR;
const files = (await readdir(dir)).filter((name) => name.endsWith('.bpmn')).sort();
let errors = 0;
let warnings = 0;
for (const file of files) {
  const problems = await lintBpmn(await readFile(join(dir, file)));
  errors += problems.filter((p) => p.category === 'error').length;
  warnings += problems.filter((p) => p.category === 'warn').length;
  const lines = problems.map((p) => `  ${formatLintProblem(p)}\n`).join('');
  process.stdout.write(problems.length === 0 ? `${file}: ok\n` : `${file}\n${lines}`);
}
process.stdout.write(`${files.length} models in ${dir}: ${errors} errors, ${warnings} warnings\n`);
process.exitCode = errors > 0 ? 1 : 0;
