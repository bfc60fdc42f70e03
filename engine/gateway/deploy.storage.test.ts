import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bpmn, oneTask } from '../../tests/fixtures/bpmn/build.ts';
import { createPlatform, type TestPlatform } from '../../tests/harness/create-platform.ts';

const INVALID_ARGUMENT = 3;

describe(`DeployResource on the embedded engine (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await createPlatform();
  });
  afterAll(() => p.close());

  const deployXml = (name: string, xml: string) =>
    p.zeebe.deployResource({ name, process: Buffer.from(xml) });

  it('given a new process, deploys version 1 with Zeebe-format keys', async () => {
    const result = await deployXml('payment.bpmn', oneTask('payment', 'crm.payments.check'));
    expect(result.key).toMatch(/^\d{16}$/);
    expect(result.tenantId).toBe('<default>');
    expect(result.deployments).toMatchObject([
      {
        process: {
          bpmnProcessId: 'payment',
          version: 1,
          processDefinitionKey: expect.stringMatching(/^\d{16}$/),
          resourceName: 'payment.bpmn',
          tenantId: '<default>',
        },
      },
    ]);
  });

  it('given the same bytes under the same name, keeps the version and key', async () => {
    const first = await deployXml('same.bpmn', oneTask('same', 'a'));
    const again = await deployXml('same.bpmn', oneTask('same', 'a'));
    expect(again.deployments[0]?.process).toEqual(first.deployments[0]?.process);
    expect(again.key).not.toBe(first.key);
  });

  it('given changed content or another resource name, makes a new version', async () => {
    const v1 = await deployXml('changing.bpmn', oneTask('changing', 'a'));
    const v2 = await deployXml('changing.bpmn', oneTask('changing', 'b'));
    const v3 = await deployXml('renamed.bpmn', oneTask('changing', 'b'));
    expect([v1, v2, v3].map((d) => d.deployments[0]?.process.version)).toEqual([1, 2, 3]);
    const keys = new Set([v1, v2, v3].map((d) => d.deployments[0]?.process.processDefinitionKey));
    expect(keys.size).toBe(3);
  });

  it('given malformed XML, rejects with INVALID_ARGUMENT naming the resource', async () => {
    await expect(deployXml('broken.bpmn', '<bpmn:definitions')).rejects.toMatchObject({
      code: INVALID_ARGUMENT,
      details: expect.stringContaining("'broken.bpmn'"),
    });
  });

  it('given an element not supported yet, rejects naming the element', async () => {
    const xml = bpmn(
      'timers',
      `<bpmn:startEvent id="start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
       <bpmn:intermediateCatchEvent id="wait_for_reply"><bpmn:incoming>f1</bpmn:incoming>
         <bpmn:conditionalEventDefinition><bpmn:condition>=replied</bpmn:condition></bpmn:conditionalEventDefinition>
       </bpmn:intermediateCatchEvent>
       <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait_for_reply" />`,
    );
    await expect(deployXml('timers.bpmn', xml)).rejects.toMatchObject({
      code: INVALID_ARGUMENT,
      details: expect.stringMatching(/'timers.bpmn'.*wait_for_reply/s),
    });
  });

  it('given a Camunda user task (zeebe:userTask), rejects and says how to convert it', async () => {
    const xml = bpmn(
      'approval',
      `<bpmn:startEvent id="start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
       <bpmn:userTask id="approve"><bpmn:extensionElements><zeebe:userTask /></bpmn:extensionElements>
         <bpmn:incoming>f1</bpmn:incoming></bpmn:userTask>
       <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="approve" />`,
    );
    await expect(deployXml('approval.bpmn', xml)).rejects.toMatchObject({
      code: INVALID_ARGUMENT,
      details: expect.stringMatching(/approve.*zeebe:userTask/s),
    });
  });

  it('given one bad resource among good ones, deploys none of them', async () => {
    await expect(
      p.zeebe.deployResources([
        { name: 'good.bpmn', process: Buffer.from(oneTask('atomic_good', 'a')) },
        { name: 'bad.bpmn', process: Buffer.from('<not-bpmn') },
      ]),
    ).rejects.toMatchObject({ code: INVALID_ARGUMENT });
    const alone = await deployXml('good.bpmn', oneTask('atomic_good', 'a'));
    expect(alone.deployments[0]?.process.version).toBe(1);
  });

  it('given an unknown resource type, rejects it by name', async () => {
    await expect(deployXml('notes.txt', 'hello')).rejects.toMatchObject({
      code: INVALID_ARGUMENT,
      details: expect.stringContaining("'notes.txt': unknown resource type"),
    });
  });

  it('given a tenant id, rejects it: multi-tenancy is disabled', async () => {
    await expect(
      p.zeebe.deployResource({ name: 't.bpmn', process: Buffer.from(oneTask('t', 'a')), tenantId: 'bank-a' }),
    ).rejects.toMatchObject({
      code: INVALID_ARGUMENT,
      details: expect.stringContaining('multi-tenancy is disabled'),
    });
  });
});
