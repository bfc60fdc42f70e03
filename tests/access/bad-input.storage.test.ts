import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlatform, type TestPlatform } from '../harness/create-platform.ts';
import { concretePath } from './routes.ts';

interface Schema {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  $ref?: string;
  anyOf?: Schema[];
}
interface Operation {
  'x-permission'?: string;
  parameters?: { name: string; in: 'query' | 'path'; schema: Schema; required?: boolean }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
}
type Doc = {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
};

/** A user holding each permission (any one role that grants it). */
const USER_FOR: Record<string, string> = {
  login: 'agent1',
  'users.manage': 'admin',
  'audit.read': 'compliance1',
  'calendar.manage': 'admin',
  'customers.read': 'agent1',
  'customers.write': 'agent1',
  'customers.assign': 'supervisor1',
  'customers.unmask': 'supervisor1',
  'customers.privacy': 'compliance1',
  'notifications.templates': 'marketing1',
  'notifications.read': 'compliance1',
  'notifications.send': 'agent1',
  'notifications.retry': 'supervisor1',
  'tasks.work': 'agent1',
  'tasks.assign': 'supervisor1',
  'reports.read': 'compliance1',
  'campaigns.read': 'compliance1',
  'campaigns.write': 'marketing1',
  'campaigns.approve': 'compliance1',
  'cases.read': 'agent1',
  'cases.write': 'agent1',
  'cases.manage': 'supervisor1',
  'cases.configure': 'admin',
  'onboarding.read': 'agent1',
  'onboarding.write': 'agent1',
  'onboarding.watchlist': 'compliance1',
  'processes.read': 'supervisor1',
  'processes.design': 'owner',
  'processes.approve': 'owner2',
  'processes.operate': 'supervisor1',
};

/** A value of the wrong type (or out of its set) for a schema. */
function wrongValue(schema: Schema): unknown {
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  if (schema.enum) return 'not-one-of-them';
  if (type === 'string') return schema.format ? 'not-a-valid-value' : 12345;
  if (type === 'integer' || type === 'number') return 'abc';
  if (type === 'boolean') return 'yes';
  if (type === 'array') return 'not-a-list';
  return 42;
}

describe(`bad input on every route answers 4xx problem+json naming the field, never 5xx (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  let p: TestPlatform;
  let doc: Doc;
  let customerId: string;
  beforeAll(async () => {
    p = await createPlatform();
    doc = (await p.anonymous.get<Doc>('/api/openapi.json')).body;
    customerId = (
      await p.as('agent1').post<{ id: string }>('/api/customers', {
        fullName: 'Masukan Salah',
        nik: '1271010101900010',
        segment: 'mass',
        branchCode: 'MDN-KC',
      })
    ).body.id;
  });
  afterAll(async () => {
    await p?.close();
  });

  const resolve = (schema: Schema): Schema =>
    schema.$ref ? resolve(doc.components.schemas[schema.$ref.split('/').pop() as string] as Schema) : schema;
  const concrete = (path: string) => concretePath(path, customerId);

  it('every route: malformed bodies, wrong types, bad queries and bad path parameters', async () => {
    const failures: string[] = [];
    const check = async (
      label: string,
      method: string,
      path: string,
      user: string,
      body?: unknown,
      headers?: Record<string, string>,
    ) => {
      const answer = await (user ? p.as(user) : p.anonymous).request<{
        code?: string;
        errors?: { field: string }[];
      }>(method, path, body, headers);
      const type = answer.headers.get('content-type') ?? '';
      if (answer.status >= 500 || answer.status < 400 || !type.includes('application/problem+json'))
        failures.push(`${label}: ${answer.status} ${type} ${JSON.stringify(answer.body).slice(0, 200)}`);
      return answer;
    };
    for (const [template, operations] of Object.entries(doc.paths)) {
      for (const [verb, op] of Object.entries(operations)) {
        const method = verb.toUpperCase();
        const user = op['x-permission']
          ? (USER_FOR[op['x-permission']] as string)
          : template === '/api/auth/login'
            ? ''
            : 'agent1';
        const path = concrete(template);
        const route = `${method} ${template}`;
        const body = op.requestBody?.content['application/json']?.schema;
        if (body) {
          await check(`${route} malformed JSON`, method, path, user, '{"unclosed": ', {
            'Content-Type': 'application/json',
          });
          await check(`${route} a list for a body`, method, path, user, []);
          const schema = resolve(body);
          for (const [name, property] of Object.entries(schema.properties ?? {})) {
            const answer = await check(`${route} body.${name} of the wrong type`, method, path, user, {
              [name]: wrongValue(resolve(property)),
            });
            if (answer.status === 400 && !answer.body.errors?.some((e) => e.field === `body.${name}`))
              failures.push(
                `${route}: body.${name} wrong, but the errors do not name it: ${JSON.stringify(answer.body.errors)}`,
              );
          }
        }
        for (const parameter of op.parameters ?? []) {
          const schema = resolve(parameter.schema);
          const bad = parameter.in === 'path' ? 'nope@@' : String(wrongValue(schema));
          if (
            parameter.in === 'query' &&
            (schema.type === 'string' || schema.type?.includes('string')) &&
            !schema.format &&
            !schema.enum
          )
            continue;
          const url =
            parameter.in === 'path'
              ? path.replace(concrete(`{${parameter.name}}`), encodeURIComponent(bad))
              : `${path}?${parameter.name}=${encodeURIComponent(bad)}`;
          const answer = await check(
            `${route} ${parameter.in}.${parameter.name}=${bad}`,
            method,
            url,
            user,
            body ? {} : undefined,
          );
          if (
            answer.status === 400 &&
            !answer.body.errors?.some(
              (e) => e.field === `${parameter.in === 'path' ? 'path' : 'query'}.${parameter.name}`,
            ) &&
            parameter.in === 'query'
          )
            failures.push(`${route}: query.${parameter.name} wrong, but the errors do not name it`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
