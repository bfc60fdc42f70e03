import { describe, expect, it } from 'vitest';
import { compileBpmn } from './compile.ts';
import { fakeChecker, startingWith } from './fixtures/build.ts';
import type { ExecutableProcess, FlowElement } from './types.ts';

async function compileOne(xml: string): Promise<ExecutableProcess | undefined> {
  const result = await compileBpmn('test.bpmn', xml, fakeChecker().check);
  expect(result.problems).toEqual([]);
  return result.processes[0];
}

describe('compileBpmn deploys what Zeebe deploys and ignores', () => {
  it('ignores zeebe:properties, extensions of other vendors and data objects', async () => {
    const xml = startingWith(
      'task',
      `<bpmn:serviceTask id="task"><bpmn:extensionElements>
         <zeebe:taskDefinition type="crm.cases.assign" />
         <zeebe:properties><zeebe:property name="owner" value="cases" /></zeebe:properties>
         <acme:trace xmlns:acme="http://acme.example/bpmn" level="debug" />
       </bpmn:extensionElements></bpmn:serviceTask>
       <bpmn:dataObjectReference id="ref" dataObjectRef="case" /><bpmn:dataObject id="case" />`,
    );
    const process = await compileOne(xml);
    expect(Object.keys(process?.elements ?? {})).toEqual(['start', 'task']);
    expect(process?.elements.task?.job?.type).toEqual({ kind: 'static', value: 'crm.cases.assign' });
  });

  it('checks mappings on a gateway but drops them: Zeebe gateways never apply them', async () => {
    const xml = startingWith(
      'gw',
      `<bpmn:parallelGateway id="gw"><bpmn:extensionElements><zeebe:ioMapping>
         <zeebe:input source="=a" target="b" /></zeebe:ioMapping></bpmn:extensionElements></bpmn:parallelGateway>`,
    );
    const process = await compileOne(xml);
    expect(process?.elements.gw?.inputMappings).toEqual([]);
    const broken = await compileBpmn('test.bpmn', xml.replace('=a', '=a +'), fakeChecker().check);
    expect(broken.problems.map((problem) => problem.elementId)).toEqual(['gw']);
  });

  it('keeps ids and header keys like __proto__ as plain entries', async () => {
    const xml = startingWith(
      '__proto__',
      `<bpmn:serviceTask id="__proto__"><bpmn:extensionElements><zeebe:taskDefinition type="t" />
         <zeebe:taskHeaders><zeebe:header key="__proto__" value="x" /></zeebe:taskHeaders>
       </bpmn:extensionElements></bpmn:serviceTask>`,
    );
    const process = await compileOne(xml);
    expect(Object.keys(process?.elements ?? {})).toEqual(['start', '__proto__']);
    expect(Object.hasOwn(process?.elements ?? {}, '__proto__')).toBe(true);
    const task = Object.getOwnPropertyDescriptor(process?.elements, '__proto__')?.value as
      | FlowElement
      | undefined;
    expect(Object.entries(task?.job?.headers ?? {})).toEqual([['__proto__', 'x']]);
  });
});
