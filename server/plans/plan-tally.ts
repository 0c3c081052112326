import type { Selectable } from 'kysely';
import type { PlanItemsTable } from '../db/schema';
import { closedPlanStatuses } from '../reports/figure-types';

/**
 * What one asset adds to its organisation's plan tallies (table plan_tallies), so the dashboard sums a few
 * rows per organisation instead of every plan item. Three measures, each a count:
 * - `items`: applicable items by status and priority ('' for none);
 * - `planned`: open applicable items by planned date (overdue = those before today);
 * - `accepted`: applicable risk acceptances by their validity date (expired / expiring soon, relative to today).
 * Dates stay keys rather than counts because "overdue" moves with the calendar, not with a write.
 */

export type TallyMeasure = 'items' | 'planned' | 'accepted';

export interface TallyKey {
  measure: TallyMeasure;
  status: string;
  priority: string;
  day: string;
}

/** A tally as counts by key; the key is the JSON of [measure, status, priority, day]. */
export type Tally = Map<string, number>;

export type TalliedItem = Pick<Selectable<PlanItemsTable>, 'status' | 'priority' | 'planned_date' | 'risk_valid_until' | 'applicable'>;

export const tallyKey = (key: TallyKey): string => JSON.stringify([key.measure, key.status, key.priority, key.day]);

export function parseTallyKey(text: string): TallyKey {
  const [measure, status, priority, day] = JSON.parse(text) as [TallyMeasure, string, string, string];
  return { measure, status, priority, day };
}

function add(tally: Tally, key: TallyKey, n = 1): void {
  const text = tallyKey(key);
  tally.set(text, (tally.get(text) ?? 0) + n);
}

/** An asset's contribution: nothing when it is archived (the dashboard leaves archived assets out). */
export function tallyOf(items: readonly TalliedItem[], archived: boolean): Tally {
  const tally: Tally = new Map();
  if (archived) return tally;
  for (const item of items) {
    if (item.applicable !== 1) continue;
    add(tally, { measure: 'items', status: item.status, priority: item.priority ?? '', day: '' });
    if (!closedPlanStatuses.includes(item.status) && item.planned_date !== null) add(tally, { measure: 'planned', status: '', priority: '', day: item.planned_date });
    if (item.status === 'risk_accepterad' && item.risk_valid_until !== null) add(tally, { measure: 'accepted', status: '', priority: '', day: item.risk_valid_until });
  }
  return tally;
}

/** `after` minus `before`, keeping only keys that moved. */
export function tallyDifference(before: Tally, after: Tally): Tally {
  const difference: Tally = new Map();
  for (const [key, n] of after) if (n !== (before.get(key) ?? 0)) difference.set(key, n - (before.get(key) ?? 0));
  for (const [key, n] of before) if (!after.has(key)) difference.set(key, -n);
  return difference;
}

export const tallyToJson = (tally: Tally): string => JSON.stringify(Object.fromEntries([...tally].toSorted(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));
export const tallyFromJson = (text: string): Tally => new Map(Object.entries(JSON.parse(text) as Record<string, number>));
