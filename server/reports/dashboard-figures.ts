import type { Kysely } from 'kysely';
import { compareSwedish } from '../text/swedish-keys';
import { reviewDueCutoff } from '../assets/asset-store';
import type { Database } from '../db/schema';
import type { OrganisationTree } from '../organisations/organisation-tree';
import { coverageAt, type CoverageRow, coverageByOrganisation, dpiaFigures, planFigures, profileDistribution } from './dashboard-queries';
import { type Coverage, type DashboardFigures, percent } from './figure-types';

/** A risk acceptance counts as expiring soon this many days ahead: time to decide again. */
export const riskExpiryWarningDays = 90;
const trendMonths = 12;

function coverage(row: Omit<CoverageRow, 'organisation_id'>): Coverage {
  return {
    assets: row.assets,
    faststalld: row.faststalld,
    pagar: row.pagar,
    ejKlassad: row.ej_klassad,
    overdue: row.overdue,
    dueSoon: row.due_soon,
    shares: { faststalld: percent(row.faststalld, row.assets), pagar: percent(row.pagar, row.assets), ejKlassad: percent(row.ej_klassad, row.assets), overdue: percent(row.overdue, row.assets) },
  };
}

/** The last instant of each of the `count` months up to and including the one `now` is in (UTC). */
export function monthEnds(now: Date, count: number): { month: string; end: string }[] {
  return Array.from({ length: count }, (_, index) => {
    const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (count - 1 - index), 1));
    const next = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 1));
    const end = new Date(Math.min(next.getTime() - 1, now.getTime()));
    return { month: first.toISOString().slice(0, 7), end: end.toISOString() };
  });
}

/** Everything the ISAM's dashboard shows, for the organisations in scope, per organisation and in total. */
export async function dashboardFigures(db: Kysely<Database>, tree: OrganisationTree, organisationIds: readonly string[], now = new Date()): Promise<DashboardFigures> {
  const nowIso = now.toISOString();
  const today = nowIso.slice(0, 10);
  const riskSoon = new Date(now.getTime() + riskExpiryWarningDays * 86_400_000).toISOString().slice(0, 10);
  const months = monthEnds(now, trendMonths);
  if (organisationIds.length === 0) organisationIds = ['-'];
  const [rows, profiles, plan, dpia, trend] = await Promise.all([
    coverageByOrganisation(db, organisationIds, nowIso, reviewDueCutoff(now)),
    profileDistribution(db, organisationIds),
    planFigures(db, organisationIds, today, riskSoon),
    dpiaFigures(db, organisationIds, nowIso),
    coverageAt(db, organisationIds, months.map((month) => month.end)),
  ]);
  const byOrganisation = new Map(rows.map((row) => [row.organisation_id, row]));
  const empty: Omit<CoverageRow, 'organisation_id'> = { assets: 0, faststalld: 0, pagar: 0, ej_klassad: 0, overdue: 0, due_soon: 0 };
  const total = { ...empty };
  for (const row of rows) for (const key of Object.keys(empty) as (keyof typeof empty)[]) total[key] += row[key];
  const organisations = organisationIds
    .map((id) => tree.get(id))
    .filter((node) => node !== undefined)
    .map((node) => ({ organisationId: node.id, name: node.name, ...coverage(byOrganisation.get(node.id) ?? empty) }))
    .sort((a, b) => compareSwedish(a.name, b.name));
  return {
    asOf: nowIso,
    total: coverage(total),
    organisations,
    profiles,
    plan,
    dpia,
    trend: trend.map((point, index) => ({ month: months[index]!.month, assets: point.assets, classified: point.classified, share: percent(point.classified, point.assets) })),
  };
}
