/**
 * Which tasks arrived while the list was open: the keys of the first answer are known, any
 * later key not seen before is new until the person opens it or leaves the list.
 */
export class NewTasks {
  #known: Set<string> | undefined;
  #fresh = new Set<string>();

  /** Takes a list's keys; answers the keys to mark as new. */
  see(keys: readonly string[]): ReadonlySet<string> {
    if (!this.#known) this.#known = new Set(keys);
    for (const key of keys)
      if (!this.#known.has(key)) {
        this.#known.add(key);
        this.#fresh.add(key);
      }
    return new Set(keys.filter((key) => this.#fresh.has(key)));
  }

  /** The list changed (another view or filter): what it shows first is not news. */
  reset(): void {
    this.#known = undefined;
    this.#fresh.clear();
  }

  seen(key: string): void {
    this.#fresh.delete(key);
  }
}
