import type { StoreTransaction } from '../store/store.ts';

export interface CallLink {
  childInstanceKey: string;
  parentProcessInstanceKey: string;
  parentElementInstanceKey: string;
  rootProcessInstanceKey: string;
}

interface LinkRow {
  child_instance_key: unknown;
  parent_process_instance_key: unknown;
  parent_element_instance_key: unknown;
  root_process_instance_key: unknown;
}

const toLink = (r: LinkRow): CallLink => ({
  childInstanceKey: String(r.child_instance_key),
  parentProcessInstanceKey: String(r.parent_process_instance_key),
  parentElementInstanceKey: String(r.parent_element_instance_key),
  rootProcessInstanceKey: String(r.root_process_instance_key),
});

/** Which process instance a call activity started, and who called a process instance. */
export class CallLinks {
  constructor(private readonly tx: StoreTransaction) {}

  async insert(link: CallLink): Promise<void> {
    await this.tx.run(
      `INSERT INTO engine_call_links (child_instance_key, parent_process_instance_key, parent_element_instance_key,
         root_process_instance_key) VALUES (?, ?, ?, ?)`,
      [
        link.childInstanceKey,
        link.parentProcessInstanceKey,
        link.parentElementInstanceKey,
        link.rootProcessInstanceKey,
      ],
    );
  }

  /** The call activity that started this process instance, if one did. */
  async parentOf(childInstanceKey: string): Promise<CallLink | undefined> {
    const [row] = await this.tx.all<LinkRow>('SELECT * FROM engine_call_links WHERE child_instance_key = ?', [
      childInstanceKey,
    ]);
    return row && toLink(row);
  }

  /** The process instance a call activity instance started, if any. */
  async childOf(parentElementInstanceKey: string): Promise<CallLink | undefined> {
    const [row] = await this.tx.all<LinkRow>(
      'SELECT * FROM engine_call_links WHERE parent_element_instance_key = ?',
      [parentElementInstanceKey],
    );
    return row && toLink(row);
  }
}
