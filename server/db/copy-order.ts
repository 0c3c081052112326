import type { ForeignKey } from './copy-target';

/**
 * The tables in an order where every table comes after the tables it references (Kahn's algorithm,
 * ties by name so the order is the same every run). A self-reference does not order tables; the
 * copy orders that table's rows instead. A cycle between tables cannot be copied with checked keys.
 */
export function foreignKeyOrder(tables: readonly string[], keys: readonly ForeignKey[]): string[] {
  const needs = new Map(tables.map((table) => [table, new Set<string>()]));
  for (const key of keys) {
    if (key.table !== key.references && needs.has(key.table) && needs.has(key.references)) needs.get(key.table)!.add(key.references);
  }
  const order: string[] = [];
  const placed = new Set<string>();
  while (order.length < tables.length) {
    const isReady = ([table, parents]: [string, Set<string>]) => !placed.has(table) && [...parents].every((parent) => placed.has(parent));
    const ready = [...needs].filter(isReady).map(([table]) => table).sort();
    if (ready.length === 0) {
      const left = tables.filter((table) => !placed.has(table)).sort();
      throw new Error(`the tables ${left.join(', ')} reference each other in a cycle, so no order writes parents first`);
    }
    for (const table of ready) {
      order.push(table);
      placed.add(table);
    }
  }
  return order;
}
