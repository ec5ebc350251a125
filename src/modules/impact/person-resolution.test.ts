import { describe, expect, it } from 'vitest';
import { resolvePersons } from './person-resolution.ts';

function graph(recordCount: number, edges: Array<[number, number, 0 | 1]>) {
  return {
    recordCount,
    record: Int32Array.from(edges.map((e) => e[0])),
    anchor: Int32Array.from(edges.map((e) => e[1])),
    strong: Uint8Array.from(edges.map((e) => e[2])),
    count: edges.length,
  };
}

describe('person resolution', () => {
  it('links records transitively and names each person by its smallest record', () => {
    const result = resolvePersons(graph(5, [[1, 0, 0], [2, 1, 0]]), 20);
    expect(Array.from(result.person)).toEqual([0, 0, 0, 3, 4]);
    expect(result.persons).toBe(3);
  });

  it('splits a cluster past the cap with strong links only and counts it', () => {
    const result = resolvePersons(graph(4, [[1, 0, 1], [2, 1, 0], [3, 2, 1]]), 3);
    expect(result.cappedClusters).toBe(1);
    expect(result.recordsInCappedClusters).toBe(4);
    expect(Array.from(result.person)).toEqual([0, 0, 2, 2]);
    expect(result.persons).toBe(2);
  });
});
