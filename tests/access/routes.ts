/** A route path with its parameters filled with records the access suites create or seed. */
export function concretePath(template: string, customerId: string): string {
  return (
    template
      .replace('{id}', customerId)
      .replace('{username}', 'agent2')
      .replace('{code}', 'PMS-KC')
      .replace('{date}', '2026-12-25')
      .replace('{templateKey}', 'case.resolved')
      .replace('{channel}', 'email')
      // Well formed, never handed out: tracking and survey links answer 404 (or name a bad query).
      .replace('{token}', '00000000-0000-4000-8000-000000000000.AAAAAAAAAAAAAAAAAAAAAA')
      .replace('{kind}', 'KTP')
      .replace('{version}', '1')
      .replace('{bpmnProcessId}', 'cases-case-handling')
      .replace('{incidentKey}', '2251799813685249')
  );
}
