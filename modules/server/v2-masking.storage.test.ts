import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oneTask } from '../../tests/fixtures/bpmn/build.ts';
import { createPlatform, type TestPlatform } from '../../tests/harness/create-platform.ts';
import { probe } from '../../tests/harness/engine-probe.ts';

interface Variables {
  items: { name: string; value: string }[];
}

describe(`/v2 variables are masked per role by the server (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  let p: TestPlatform;
  let instance: string;
  beforeAll(async () => {
    p = await createPlatform();
    await probe(p).deploy({ onboarding: oneTask('onboarding-masking', 'kyc.check') });
    const created = await p.zeebe.createProcessInstance({
      bpmnProcessId: 'onboarding-masking',
      variables: {
        applicant: { fullName: 'Budi Santoso', nik: '1271011203900001', phone: '081234567890' },
        email: 'budi@example.co.id',
        caseKey: '2251799813685249',
      },
    });
    instance = created.processInstanceKey;
  });
  afterAll(async () => {
    await p?.close();
  });

  const variables = async (user: string) => {
    const answer = await p.as(user).post<Variables>('/v2/variables/search', {
      filter: { processInstanceKey: instance },
      sort: [{ field: 'name', order: 'ASC' }],
    });
    expect(answer.status).toBe(200);
    return Object.fromEntries(answer.body.items.map((v) => [v.name, JSON.parse(v.value)]));
  };

  it('a process owner sees personal fields masked, by name, at any depth', async () => {
    expect(await variables('owner')).toEqual({
      applicant: { fullName: 'Budi Santoso', nik: '************0001', phone: '0812*****890' },
      email: 'b***@example.co.id',
      caseKey: '2251799813685249',
    });
  });

  it('compliance sees them in clear', async () => {
    expect((await variables('compliance1')).applicant).toEqual({
      fullName: 'Budi Santoso',
      nik: '1271011203900001',
      phone: '081234567890',
    });
  });

  it('one variable by key is masked too', async () => {
    const search = await p
      .as('owner')
      .post<{ items: { variableKey: string; name: string }[] }>('/v2/variables/search', {
        filter: { processInstanceKey: instance, name: 'email' },
      });
    const key = search.body.items[0]?.variableKey;
    const one = await p.as('owner').get<{ value: string }>(`/v2/variables/${key}`);
    expect(one.body.value).toBe('"b***@example.co.id"');
  });

  it('probing a masked value through a filter is refused; other filters work', async () => {
    const probeNik = await p.as('owner').post<{ code: string }>('/v2/process-instances/search', {
      filter: { variables: [{ name: 'email', value: '"budi@example.co.id"' }] },
    });
    expect(probeNik.status).toBe(403);
    expect(probeNik.body.code).toBe('PERSONAL_DATA_QUERY');
    const fine = await p.as('owner').post<{ items: unknown[] }>('/v2/process-instances/search', {
      filter: { variables: [{ name: 'caseKey', value: '"2251799813685249"' }] },
    });
    expect(fine.status).toBe(200);
    expect(fine.body.items).toHaveLength(1);
  });
});
