/**
 * Groups records into persons: connected components over shared identity keys (union-find with path
 * halving over integer record ids), so that A~B and B~C put A and C together. Components that grow
 * past the cap are where transitive linking snowballs; they are split again with strong keys only
 * (BSN, name + date of birth + postcode) and counted apart.
 */

export interface LinkGraph {
  recordCount: number;
  /** Edge i links record[i] and anchor[i]; strong[i] is 1 when a strong key supports it. */
  record: Int32Array;
  anchor: Int32Array;
  strong: Uint8Array;
  count: number;
}

export interface Resolution {
  /** Person of every record: the smallest record id of its component. */
  person: Int32Array;
  persons: number;
  cappedClusters: number;
  recordsInCappedClusters: number;
}

function find(parent: Int32Array, x: number): number {
  let node = x;
  while (parent[node] !== node) {
    const grand = parent[parent[node] as number] as number;
    parent[node] = grand;
    node = grand;
  }
  return node;
}

/** Union by smaller id, so that each root is the smallest record id of its component. */
function union(parent: Int32Array, a: number, b: number): void {
  const ra = find(parent, a);
  const rb = find(parent, b);
  if (ra === rb) return;
  if (ra < rb) parent[rb] = ra;
  else parent[ra] = rb;
}

function identity(size: number): Int32Array {
  const parent = new Int32Array(size);
  for (let i = 0; i < size; i += 1) parent[i] = i;
  return parent;
}

export function resolvePersons(graph: LinkGraph, maxClusterSize: number): Resolution {
  const n = graph.recordCount;
  const parent = identity(n);
  for (let i = 0; i < graph.count; i += 1) union(parent, graph.record[i] as number, graph.anchor[i] as number);

  const size = new Int32Array(n);
  for (let i = 0; i < n; i += 1) {
    const root = find(parent, i);
    size[root] = (size[root] as number) + 1;
  }
  const oversized = new Uint8Array(n);
  let cappedClusters = 0;
  let recordsInCappedClusters = 0;
  for (let i = 0; i < n; i += 1) {
    if ((size[i] as number) > maxClusterSize) {
      oversized[i] = 1;
      cappedClusters += 1;
      recordsInCappedClusters += size[i] as number;
    }
  }

  const person = parent;
  if (cappedClusters > 0) {
    const inCapped = new Uint8Array(n);
    for (let i = 0; i < n; i += 1) inCapped[i] = oversized[find(parent, i)] as number;
    const split = identity(n);
    for (let i = 0; i < graph.count; i += 1) {
      const a = graph.record[i] as number;
      const b = graph.anchor[i] as number;
      if (inCapped[a] === 1 && graph.strong[i] !== 1) continue;
      union(split, a, b);
    }
    person.set(split);
  }
  let persons = 0;
  for (let i = 0; i < n; i += 1) {
    const root = find(person, i);
    person[i] = root;
    if (root === i) persons += 1;
  }
  return { person, persons, cappedClusters, recordsInCappedClusters };
}
