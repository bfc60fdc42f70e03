import { describe, expect, it } from 'vitest';
import { compileBpmn } from './compile.ts';
import { fakeChecker, problemsOf, startingWith } from './fixtures/build.ts';

const ruleTask = (extensions: string) =>
  startingWith(
    'route',
    `<bpmn:businessRuleTask id="route"><bpmn:extensionElements>${extensions}</bpmn:extensionElements></bpmn:businessRuleTask>`,
  );

const compiled = async (xml: string) => {
  const result = await compileBpmn('test.bpmn', xml, fakeChecker().check);
  expect(result.problems).toEqual([]);
  return result.processes[0]?.elements.route;
};

describe('compileBpmn: business rule tasks', () => {
  it('given zeebe:calledDecision with a static id, compiles the decision and its result variable', async () => {
    const element = await compiled(
      ruleTask('<zeebe:calledDecision decisionId="complaint-routing" resultVariable="routing" />'),
    );
    expect(element).toMatchObject({
      type: 'businessRuleTask',
      calledDecision: {
        decisionId: { kind: 'static', value: 'complaint-routing' },
        resultVariable: 'routing',
      },
    });
    expect(element?.job).toBeUndefined();
  });

  it('given a decision id expression, keeps it as FEEL', async () => {
    const element = await compiled(
      ruleTask('<zeebe:calledDecision decisionId="=&quot;risk-&quot; + segment" resultVariable="risk" />'),
    );
    expect(element?.calledDecision?.decisionId).toEqual({ kind: 'expression', source: '"risk-" + segment' });
  });

  it('given zeebe:taskDefinition instead, compiles a job task for a worker', async () => {
    const element = await compiled(
      ruleTask(
        '<zeebe:taskDefinition type="crm.cases.score" retries="5" /><zeebe:taskHeaders><zeebe:header key="model" value="v2" /></zeebe:taskHeaders>',
      ),
    );
    expect(element?.calledDecision).toBeUndefined();
    expect(element?.job).toEqual({
      type: { kind: 'static', value: 'crm.cases.score' },
      retries: { kind: 'static', value: '5' },
      headers: { model: 'v2' },
    });
  });

  it('given neither or both, rejects naming the element', async () => {
    const message =
      'route: a business rule task needs either one <zeebe:calledDecision> (a decision the engine evaluates) ' +
      'or one <zeebe:taskDefinition> (a job for a worker), not both and not neither';
    expect(await problemsOf(ruleTask(''))).toEqual([message]);
    expect(
      await problemsOf(
        ruleTask(
          '<zeebe:calledDecision decisionId="d" resultVariable="r" /><zeebe:taskDefinition type="t" />',
        ),
      ),
    ).toEqual([message]);
  });

  it('given a missing decision id or result variable, rejects each', async () => {
    expect(await problemsOf(ruleTask('<zeebe:calledDecision decisionId=" " />'))).toEqual([
      'route: <zeebe:calledDecision decisionId> must be present and not empty',
      'route: <zeebe:calledDecision resultVariable> must be present and not empty',
    ]);
  });

  it('given a decision id that is not valid FEEL, rejects it', async () => {
    expect(
      await problemsOf(ruleTask('<zeebe:calledDecision decisionId="=segment +" resultVariable="r" />')),
    ).toEqual([
      "route: <zeebe:calledDecision decisionId> '=segment +' is not a valid FEEL expression: unexpected end of expression",
    ]);
  });

  it.each(['deployment', 'versionTag'])(
    'given bindingType="%s", rejects it as not supported yet',
    async (binding) => {
      expect(
        await problemsOf(
          ruleTask(
            `<zeebe:calledDecision decisionId="d" resultVariable="r" bindingType="${binding}" versionTag="v1" />`,
          ),
        ),
      ).toEqual([
        `route: <zeebe:calledDecision bindingType="${binding}"> is not supported yet (only "latest": the latest deployed version of the decision is evaluated)`,
      ]);
    },
  );

  it('given bindingType="latest" spelled out, accepts it', async () => {
    const element = await compiled(
      ruleTask('<zeebe:calledDecision decisionId="d" resultVariable="r" bindingType="latest" />'),
    );
    expect(element?.calledDecision?.resultVariable).toBe('r');
  });
});
