/** An expression that cannot be evaluated; the message says why, in Zeebe's wording where one exists. */
export class FeelError extends Error {
  override name = 'FeelError';
}
