/**
 * The oversight resources as the client reads them; they mirror server/reports/figure-types.ts,
 * server/todo/todo-list.ts and server/routes/imports.ts (client/ may not import server code).
 */
export interface Coverage {
  assets: number;
  faststalld: number;
  pagar: number;
  ejKlassad: number;
  overdue: number;
  dueSoon: number;
  shares: { faststalld: number; pagar: number; ejKlassad: number; overdue: number };
}

export type PlanStatus = 'ej_bedomd' | 'ej_uppfyllt' | 'delvis_uppfyllt' | 'uppfyllt' | 'risk_accepterad' | 'ej_tillampligt';
export type Priority = 'hog' | 'medel' | 'lag';

export interface DashboardFigures {
  asOf: string;
  total: Coverage;
  organisations: (Coverage & { organisationId: string; name: string })[];
  profiles: { aspect: 'K' | 'R' | 'T' | 'S'; levels: { level: number | null; count: number }[] }[];
  plan: {
    total: number;
    byStatus: { status: PlanStatus; count: number }[];
    openByPriority: { priority: Priority | null; count: number }[];
    open: number;
    overdue: number;
    riskAcceptances: { active: number; expiringSoon: number; expired: number };
  };
  dpia: { screenings: { outcome: string; count: number }[]; dpiasDecided: number; dpiasInProgress: number; priorConsultations: number; reviewsOverdue: number };
  trend: { month: string; assets: number; classified: number; share: number }[];
}

export interface TodoList {
  reviews: { assessmentId: string; assetId: string; assetName: string; organisationName: string; kind: 'classification' | 'dpia' | 'dpia-screening'; nextReviewAt: string; overdue: boolean }[];
  planItems: { id: string; assetId: string; assetName: string; title: string; status: PlanStatus; priority: Priority | null; plannedDate: string | null; overdue: boolean }[];
  approvals: { assessmentId: string; assetId: string; assetName: string; kind: 'classification' | 'dpia' | 'dpia-screening'; step: 'ready' | 'dso_advice' | 'decision' | 'exemption_decision' | 'special_analysis'; since: string }[];
}

export interface ImportPreview {
  format: 'csv' | 'xlsx';
  encoding: 'utf-8' | 'windows-1252';
  ignoredColumns: string[];
  summary: { create: number; update: number; unchanged: number; error: number };
  rows: { line: number; action: 'create' | 'update' | 'unchanged' | 'error'; name: string; externalId: string | null; organisationName: string | null; changes: string[]; errors: { field: string; message: string }[] }[];
}

export interface ImportResult extends ImportPreview {
  created: string[];
  updated: string[];
}

export interface ReviewInterval {
  months: number;
  inherited: boolean;
}
