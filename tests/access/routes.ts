/** A route path with its parameters filled with records the access suites create or seed. */
export function concretePath(template: string, customerId: string): string {
  return template
    .replace('{id}', customerId)
    .replace('{username}', 'agent2')
    .replace('{code}', 'PMS-KC')
    .replace('{date}', '2026-12-25')
    .replace('{templateKey}', 'case.resolved')
    .replace('{channel}', 'email');
}
