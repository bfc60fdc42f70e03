export type Checked =
  | { variables: Record<string, unknown> }
  | { problem: 'invalidJson'; reason: string }
  | { problem: 'notObject' };

/** The variables field must hold one JSON object: the engine takes named variables only. */
export function checkVariables(text: string): Checked {
  if (text.trim() === '') return { variables: {} };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { problem: 'invalidJson', reason: error instanceof Error ? error.message : '' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { problem: 'notObject' };
  return { variables: value as Record<string, unknown> };
}
