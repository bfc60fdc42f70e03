import { describe, expect, it } from 'vitest';
import { compileBpmn } from './compile.ts';
import { bpmn, fakeChecker, problemsOf, startingWith, TASK_DEFINITION } from './fixtures/build.ts';
import { parseDuration } from './timer.ts';
import type { ExecutableProcess } from './types.ts';

describe('parseDuration', () => {
  it.each([
    ['PT2H', { negative: false, years: 0, months: 0, days: 0, ms: 7_200_000 }],
    ['P1DT12H', { negative: false, years: 0, months: 0, days: 1, ms: 43_200_000 }],
    ['P1Y2M', { negative: false, years: 1, months: 2, days: 0, ms: 0 }],
    ['P2W', { negative: false, years: 0, months: 0, days: 14, ms: 0 }],
    ['PT0.5S', { negative: false, years: 0, months: 0, days: 0, ms: 500 }],
    ['-PT1M', { negative: true, years: 0, months: 0, days: 0, ms: 60_000 }],
  ])('reads %s', (text, expected) => {
    expect(parseDuration(text)).toEqual(expected);
  });

  it.each(['P', 'PT', '2 hours', 'PT1H30', 'R3/PT1H', ''])('refuses %j', (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });
});

const timerOf = (kind: string, value: string) =>
  `<bpmn:timerEventDefinition><bpmn:time${kind}>${value}</bpmn:time${kind}></bpmn:timerEventDefinition>`;
const CYCLE = timerOf('Cycle', 'R3/PT1H');
const TASK = `<bpmn:serviceTask id="task"><bpmn:extensionElements>${TASK_DEFINITION}</bpmn:extensionElements></bpmn:serviceTask>`;

async function compiled(xml: string) {
  const result = await compileBpmn('test.bpmn', xml, fakeChecker().check);
  expect(result.problems).toEqual([]);
  return result.processes[0] as ExecutableProcess;
}

describe('compileBpmn, given timer cycles and timer start events', () => {
  it('a process may start by timers only: a cycle or a date, static or FEEL', async () => {
    const process = await compiled(
      bpmn(`<bpmn:startEvent id="daily">${timerOf('Cycle', '0 0 8 * * MON-FRI')}</bpmn:startEvent>
        <bpmn:startEvent id="once">${timerOf('Date', '2027-01-05T08:00:00+07:00')}</bpmn:startEvent>
        <bpmn:startEvent id="feel">${timerOf('Cycle', '=cycle(duration("PT1H"))')}</bpmn:startEvent>`),
    );
    expect(process.startEventId).toBeUndefined();
    expect(process.startEventIds).toEqual(['daily', 'once', 'feel']);
    expect(process.elements.daily).toMatchObject({
      eventKind: 'timer',
      timer: { kind: 'cycle', value: { kind: 'static', value: '0 0 8 * * MON-FRI' } },
    });
    expect(process.elements.feel?.timer?.value).toEqual({
      kind: 'expression',
      source: 'cycle(duration("PT1H"))',
    });
  });

  it('non-interrupting boundary events and event sub-process starts repeat', async () => {
    const process = await compiled(
      startingWith(
        'task',
        `${TASK}<bpmn:boundaryEvent id="remind" attachedToRef="task" cancelActivity="false">${CYCLE}</bpmn:boundaryEvent>
         <bpmn:subProcess id="esp" triggeredByEvent="true">
           <bpmn:startEvent id="esp_start" isInterrupting="false">${CYCLE}</bpmn:startEvent>
         </bpmn:subProcess>`,
      ),
    );
    expect(process.elements.remind?.timer?.kind).toBe('cycle');
    expect(process.elements.esp_start?.timer?.kind).toBe('cycle');
  });

  it.each([
    [
      'a timer start event with a duration',
      `<bpmn:startEvent id="x">${timerOf('Duration', 'PT1H')}</bpmn:startEvent>`,
      'x: a timer start event takes a <bpmn:timeDate> or <bpmn:timeCycle>, not a <bpmn:timeDuration>',
    ],
    [
      'a timer start event without a timer',
      '<bpmn:startEvent id="x"><bpmn:timerEventDefinition /></bpmn:startEvent>',
      'x: a timer start event needs a <bpmn:timeDate> or <bpmn:timeCycle>',
    ],
    [
      'a cycle on an intermediate catch event',
      `<bpmn:intermediateCatchEvent id="x">${CYCLE}</bpmn:intermediateCatchEvent>`,
      'x: a timer catch event takes a <bpmn:timeDuration> or <bpmn:timeDate>, not a <bpmn:timeCycle>: only timer start events',
    ],
    [
      'a cycle on an interrupting boundary event',
      `${TASK}<bpmn:boundaryEvent id="x" attachedToRef="task">${CYCLE}</bpmn:boundaryEvent>`,
      'x: an interrupting timer boundary event takes a <bpmn:timeDuration> or <bpmn:timeDate>, not a <bpmn:timeCycle>',
    ],
    [
      'a cycle on an interrupting event sub-process start',
      `<bpmn:subProcess id="esp" triggeredByEvent="true"><bpmn:startEvent id="x">${CYCLE}</bpmn:startEvent></bpmn:subProcess>`,
      'x: an interrupting timer start event of an event sub-process takes a <bpmn:timeDuration> or <bpmn:timeDate>',
    ],
    [
      'a timer start event in an embedded sub-process',
      `<bpmn:subProcess id="sub"><bpmn:startEvent id="x">${CYCLE}</bpmn:startEvent></bpmn:subProcess>`,
      'x: a timer start event starts a process or an event sub-process',
    ],
    [
      'a five-field cron expression',
      `<bpmn:startEvent id="x">${timerOf('Cycle', '0 8 * * MON-FRI')}</bpmn:startEvent>`,
      "x: the timer cycle '0 8 * * MON-FRI' is neither an ISO 8601 repeating interval (R3/PT1H) nor a cron expression (0 0 8 * * MON-FRI): a cron expression has 6 fields",
    ],
    [
      'a repeating interval with a malformed duration',
      `<bpmn:startEvent id="x">${timerOf('Cycle', 'R3/1 hour')}</bpmn:startEvent>`,
      "'1 hour' in 'R3/1 hour' is not an ISO 8601 duration",
    ],
    [
      'a cycle that never ends and never waits',
      `<bpmn:startEvent id="x">${timerOf('Cycle', 'R/PT0S')}</bpmn:startEvent>`,
      'must be longer than zero',
    ],
  ])('given %s, names the element and what is wrong', async (_, element, message) => {
    const problems = await problemsOf(bpmn(`<bpmn:startEvent id="start" />${element}`));
    expect(
      problems.filter((p) => p.startsWith('x: ') && p.includes(message.replace(/^x: /, ''))),
    ).toHaveLength(1);
  });
});
