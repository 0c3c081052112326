import type { PlanItemStatus, Priority } from '../db/schema';

export const aspects = ['K', 'R', 'T', 'S'] as const;
export type Aspect = (typeof aspects)[number];

/** Coverage of one organisation's inventory (or of all in scope). Shares are percent of `assets`, one decimal. */
export interface Coverage {
  assets: number;
  /** Has a fastställd classification (overdue ones included: they are still classified). */
  faststalld: number;
  /** A first classification is under way. */
  pagar: number;
  ejKlassad: number;
  /** Fastställd, and the review date has passed. */
  overdue: number;
  /** Fastställd, review due within 30 days. */
  dueSoon: number;
  shares: { faststalld: number; pagar: number; ejKlassad: number; overdue: number };
}

export interface PlanFigures {
  total: number;
  byStatus: { status: PlanItemStatus; count: number }[];
  /** Open items (not uppfyllt, ej tillämpligt or risk accepterad) per priority; `null` is unprioritised. */
  openByPriority: { priority: Priority | null; count: number }[];
  open: number;
  overdue: number;
  riskAcceptances: { active: number; expiringSoon: number; expired: number };
}

export interface DpiaFigures {
  /** The newest screening of each asset, by outcome. */
  screenings: { outcome: string; count: number }[];
  dpiasDecided: number;
  dpiasInProgress: number;
  priorConsultations: number;
  reviewsOverdue: number;
}

export interface TrendPoint {
  month: string;
  assets: number;
  classified: number;
  share: number;
}

export interface DashboardFigures {
  asOf: string;
  total: Coverage;
  organisations: (Coverage & { organisationId: string; name: string })[];
  /** Fastställda profiles: how many assets at each level per aspect (`level: null` = ej bedömd). */
  profiles: { aspect: Aspect; levels: { level: number | null; count: number }[] }[];
  plan: PlanFigures;
  dpia: DpiaFigures;
  trend: TrendPoint[];
}

/** Statuses that close a plan item. */
export const closedPlanStatuses: readonly PlanItemStatus[] = ['uppfyllt', 'ej_tillampligt', 'risk_accepterad'];
export const planStatuses: readonly PlanItemStatus[] = ['ej_bedomd', 'ej_uppfyllt', 'delvis_uppfyllt', 'uppfyllt', 'risk_accepterad', 'ej_tillampligt'];

export function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10;
}
