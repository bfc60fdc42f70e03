import { describe, expect, it } from 'vitest';
import { compileBpmn } from './compile.ts';
import { bpmn, fakeChecker, problemsOf, serviceTask, TASK_DEFINITION } from './fixtures/build.ts';

describe('compileBpmn rejects a resource it cannot read', () => {
  it('given malformed XML, reports the parser message with line and column', async () => {
    const xml =
      '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL">\n  <bpmn:process id="p">\n</bpmn:definitions>';
    expect(await problemsOf(xml)).toEqual([
      'the XML cannot be read: closing tag mismatch at line 3, column 1 near </bpmn:definitions>',
    ]);
  });

  it('given an empty resource or another XML vocabulary, says so', async () => {
    expect(await problemsOf('')).toEqual(['the XML cannot be read: missing start tag at line 1, column 1']);
    expect(await problemsOf('<html />')).toEqual([
      'the document is not BPMN: its root element must be <bpmn:definitions>',
    ]);
  });

  it('given unknown elements, bpmn or zeebe, reports each with its position', async () => {
    const xml = serviceTask(`${TASK_DEFINITION}<zeebe:bogus />`).replace(
      '<bpmn:startEvent id="start" />',
      '<bpmn:startEvent id="start" /><bpmn:bogus />',
    );
    expect(await problemsOf(xml)).toEqual([
      'unknown element <bpmn:bogus> at line 10, column 35',
      expect.stringMatching(/^unknown element <zeebe:bogus> at line 12, column \d+$/),
    ]);
  });

  it('given no executable process, says one is needed', async () => {
    const xml = bpmn('<bpmn:startEvent id="start" />').replace('isExecutable="true"', 'isExecutable="false"');
    expect(await problemsOf(xml)).toEqual([
      'the resource must contain at least one executable process (isExecutable="true")',
    ]);
  });

  it('given a process id used twice, or an element id used twice, names the id', async () => {
    const twice = bpmn('<bpmn:startEvent id="start" />').replace(
      '</bpmn:definitions>',
      '<bpmn:process id="test-process" isExecutable="true"><bpmn:startEvent id="s2" /></bpmn:process></bpmn:definitions>',
    );
    expect(await problemsOf(twice)).toEqual([
      "test-process: the process id 'test-process' is used more than once in this resource (again at line 12, column 1)",
    ]);
    const element = bpmn('<bpmn:startEvent id="start" /><bpmn:manualTask id="start" />');
    expect(await problemsOf(element)).toEqual([
      "start: the id 'start' is used more than once in this resource (again at line 10, column 31)",
    ]);
  });

  it('given ids the BPMN schema forbids or missing ids, names them', async () => {
    const rule = "it must start with a letter or _ and contain only letters, digits, '.', '-' and '_'";
    expect(await problemsOf(bpmn('<bpmn:startEvent id="start" />', '1st-process'))).toEqual([
      `1st-process: the id '1st-process' is not a valid XML id: ${rule} (at line 9, column 3)`,
    ]);
    const inside = bpmn(
      '<bpmn:startEvent id="start" /><bpmn:manualTask id="two words" /><bpmn:manualTask id="a:b" /><bpmn:manualTask />',
    );
    expect(await problemsOf(inside)).toEqual([
      `two words: the id 'two words' is not a valid XML id: ${rule} (at line 10, column 31)`,
      `a:b: the id 'a:b' is not a valid XML id: ${rule}`,
      "a bpmn:ManualTask in process 'test-process' has no id",
    ]);
  });

  it('given a dangling reference in the diagram only, ignores it as Zeebe does', async () => {
    const xml = bpmn('<bpmn:startEvent id="start" />').replace(
      '</bpmn:definitions>',
      `<bpmndi:BPMNDiagram xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" id="d">
        <bpmndi:BPMNPlane id="plane" bpmnElement="gone" /></bpmndi:BPMNDiagram></bpmn:definitions>`,
    );
    const result = await compileBpmn('test.bpmn', xml, fakeChecker().check);
    expect(result.problems).toEqual([]);
  });
});
