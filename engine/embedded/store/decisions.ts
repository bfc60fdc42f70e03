import { type DecisionRequirementsGraph, parseDmn } from '../../dmn/index.ts';
import type { StoreTransaction } from './store.ts';

/** One version of a decision requirements graph: a deployed DMN resource. */
export interface DrgRow {
  key: string;
  drgId: string;
  name: string;
  version: number;
  resourceName: string;
  checksum: string;
  deploymentKey: string;
  resource: string;
  createdAt: number;
}

/** One version of a decision; it belongs to exactly one DRG version. */
export interface DecisionRow {
  key: string;
  decisionId: string;
  name: string;
  version: number;
  drgKey: string;
  drgId: string;
  deploymentKey: string;
  createdAt: number;
}

interface DrgRecord {
  drg_key: unknown;
  drg_id: string;
  name: string;
  version: unknown;
  resource_name: string;
  checksum: string;
  deployment_key: unknown;
  resource: string;
  created_at: unknown;
}

interface DecisionRecord {
  decision_key: unknown;
  decision_id: string;
  name: string;
  version: unknown;
  drg_key: unknown;
  drg_id: string;
  deployment_key: unknown;
  created_at: unknown;
}

export async function latestDrg(tx: StoreTransaction, drgId: string): Promise<DrgRow | undefined> {
  const [row] = await tx.all<DrgRecord>(
    'SELECT * FROM engine_decision_requirements WHERE drg_id = ? ORDER BY version DESC LIMIT 1',
    [drgId],
  );
  return row && toDrg(row);
}

export async function drgByKey(tx: StoreTransaction, key: string): Promise<DrgRow | undefined> {
  const [row] = await tx.all<DrgRecord>('SELECT * FROM engine_decision_requirements WHERE drg_key = ?', [
    key,
  ]);
  return row && toDrg(row);
}

export async function latestDecision(
  tx: StoreTransaction,
  decisionId: string,
): Promise<DecisionRow | undefined> {
  const [row] = await tx.all<DecisionRecord>(
    'SELECT * FROM engine_decisions WHERE decision_id = ? ORDER BY version DESC LIMIT 1',
    [decisionId],
  );
  return row && toDecision(row);
}

export async function decisionByKey(tx: StoreTransaction, key: string): Promise<DecisionRow | undefined> {
  // A key that is no number (or 0) simply finds nothing.
  if (!/^\d+$/.test(key)) return undefined;
  const [row] = await tx.all<DecisionRecord>('SELECT * FROM engine_decisions WHERE decision_key = ?', [key]);
  return row && toDecision(row);
}

/** The decisions of one DRG version, by decision id. */
export async function decisionsOfDrg(
  tx: StoreTransaction,
  drgKey: string,
): Promise<Map<string, DecisionRow>> {
  const rows = await tx.all<DecisionRecord>('SELECT * FROM engine_decisions WHERE drg_key = ?', [drgKey]);
  return new Map(rows.map((row) => [row.decision_id, toDecision(row)]));
}

export async function insertDrg(tx: StoreTransaction, d: DrgRow): Promise<void> {
  await tx.run(
    `INSERT INTO engine_decision_requirements
       (drg_key, drg_id, name, version, resource_name, checksum, deployment_key, resource, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [d.key, d.drgId, d.name, d.version, d.resourceName, d.checksum, d.deploymentKey, d.resource, d.createdAt],
  );
}

export async function insertDecision(tx: StoreTransaction, d: DecisionRow): Promise<void> {
  await tx.run(
    `INSERT INTO engine_decisions
       (decision_key, decision_id, name, version, drg_key, drg_id, deployment_key, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    [d.key, d.decisionId, d.name, d.version, d.drgKey, d.drgId, d.deploymentKey, d.createdAt],
  );
}

/** Parsed graphs by resource checksum: content-addressed, so safe across databases in one process. */
const parsed = new Map<string, Promise<DecisionRequirementsGraph>>();
const PARSED_LIMIT = 256;

/** The executable graph of a deployed DRG; it parsed at deployment, so a failure here is a bug. */
export function parsedDrg(row: DrgRow): Promise<DecisionRequirementsGraph> {
  let graph = parsed.get(row.checksum);
  if (graph) {
    // Refresh its place: the map's order is the eviction order.
    parsed.delete(row.checksum);
  } else {
    graph = parseDmn(row.resourceName, row.resource.replace(/^\uFEFF/, '')).then(({ drg, problems }) => {
      if (drg) return drg;
      parsed.delete(row.checksum);
      throw new Error(`DRG ${row.key} no longer parses: ${JSON.stringify(problems)}`);
    });
  }
  parsed.set(row.checksum, graph);
  if (parsed.size > PARSED_LIMIT) parsed.delete(parsed.keys().next().value as string);
  return graph;
}

function toDrg(row: DrgRecord): DrgRow {
  return {
    key: String(row.drg_key),
    drgId: row.drg_id,
    name: row.name,
    version: Number(row.version),
    resourceName: row.resource_name,
    checksum: row.checksum,
    deploymentKey: String(row.deployment_key),
    resource: row.resource,
    createdAt: Number(row.created_at),
  };
}

function toDecision(row: DecisionRecord): DecisionRow {
  return {
    key: String(row.decision_key),
    decisionId: row.decision_id,
    name: row.name,
    version: Number(row.version),
    drgKey: String(row.drg_key),
    drgId: row.drg_id,
    deploymentKey: String(row.deployment_key),
    createdAt: Number(row.created_at),
  };
}
