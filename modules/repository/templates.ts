import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Every element template of `processes/element-templates/*.json` (Camunda 8 element template
 * schema), in one array for the modeler's palette. A file may hold one template or a list.
 * Read once per start: the folder ships with the platform.
 */
export async function readElementTemplates(dir: string): Promise<unknown[]> {
  const names = (await readdir(dir).catch(() => [] as string[]))
    .filter((name) => name.endsWith('.json'))
    .sort();
  const files = await Promise.all(
    names.map(async (name) => {
      const text = await readFile(join(dir, name), 'utf8');
      try {
        const parsed: unknown = JSON.parse(text);
        return Array.isArray(parsed) ? parsed : [parsed];
      } catch (error) {
        throw new Error(`element template file ${name} is not JSON: ${(error as Error).message}`);
      }
    }),
  );
  return files.flat();
}
