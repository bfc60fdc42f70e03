/**
 * How our functions are handed to feelin: a plain JS function found in the evaluation context
 * is callable from FEEL, and `$args` names its parameters so named arguments
 * (`get or else(value: x, default: 0)`) work. A missing argument arrives as undefined.
 */
export type FeelCallable = ((...args: never[]) => unknown) & { $args: string[] };

export function defineFunction<A extends unknown[]>(
  parameters: string[],
  body: (...args: A) => unknown,
): FeelCallable {
  return Object.assign(body as (...args: never[]) => unknown, { $args: parameters });
}

/** FEEL null: a null value or an argument that was not passed. */
export function isNil(value: unknown): value is null | undefined {
  return value === null || value === undefined;
}
