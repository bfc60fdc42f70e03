import type { StoreTransaction } from '../store/store.ts';

export type Variables = Record<string, unknown>;

/** Variable reads and writes by scope, with Zeebe's propagation rules (ZEEBE-SEMANTICS §1). */
export class VariableStore {
  constructor(private readonly tx: StoreTransaction) {}

  async local(scopeKey: string): Promise<Map<string, string>> {
    const rows = await this.tx.all<{ name: string; value: string }>(
      'SELECT name, value FROM engine_variables WHERE scope_key = ?',
      [scopeKey],
    );
    return new Map(rows.map((r) => [r.name, r.value]));
  }

  /** Every variable visible from the first scope of `chain` (innermost first): inner names hide outer ones. */
  async visible(chain: string[]): Promise<Variables> {
    const result: Variables = {};
    for (const scope of [...chain].reverse()) {
      for (const [name, value] of await this.local(scope)) result[name] = JSON.parse(value);
    }
    return result;
  }

  /** Writes only the given scope (input mappings, local SetVariables). */
  async setLocal(scopeKey: string, processInstanceKey: string, variables: Variables): Promise<void> {
    const existing = await this.local(scopeKey);
    for (const [name, value] of Object.entries(variables)) {
      await this.#write(
        scopeKey,
        processInstanceKey,
        name,
        JSON.stringify(value ?? null),
        existing.has(name),
      );
    }
  }

  /**
   * The propagating merge: each variable climbs from the first scope of `chain`; the first
   * scope holding a different value is updated, and with no holder it is created at the root.
   * An equal value keeps climbing (Zeebe's behaviour, issue #19441).
   */
  async merge(chain: string[], processInstanceKey: string, variables: Variables): Promise<void> {
    const locals = await Promise.all(chain.map((scope) => this.local(scope)));
    for (const [name, raw] of Object.entries(variables)) {
      const value = JSON.stringify(raw ?? null);
      let written = false;
      for (const [index, scope] of chain.entries()) {
        const held = locals[index]?.get(name);
        if (held === undefined) continue;
        if (held !== value) {
          await this.#write(scope, processInstanceKey, name, value, true);
          written = true;
          break;
        }
      }
      const root = chain[chain.length - 1] as string;
      if (!written && locals[chain.length - 1]?.get(name) !== value) {
        await this.#write(
          root,
          processInstanceKey,
          name,
          value,
          locals[chain.length - 1]?.has(name) ?? false,
        );
      }
    }
  }

  async #write(scope: string, processInstanceKey: string, name: string, value: string, exists: boolean) {
    if (exists) {
      await this.tx.run('UPDATE engine_variables SET value = ? WHERE scope_key = ? AND name = ?', [
        value,
        scope,
        name,
      ]);
    } else {
      await this.tx.run(
        'INSERT INTO engine_variables (scope_key, name, value, process_instance_key, variable_key) VALUES (?, ?, ?, ?, ?)',
        [scope, name, value, processInstanceKey, await this.tx.nextKey()],
      );
    }
  }
}
