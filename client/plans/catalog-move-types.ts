import type { PlanStatus } from '../api-types';

/** What GET/POST /api/organisations/{id}/catalog-move answer (server/plans/catalog-move-schemas.ts). */
export interface MoveChange {
  requirementId: string;
  title: string;
  change: 'carried' | 'text_changed' | 'new' | 'no_longer_applicable' | 'replaced';
  from: string[];
  replacedBy: string[];
  fromTitles: string[];
  replacedByTitles: string[];
  status: PlanStatus;
  reassess: boolean;
}

export interface CatalogMove {
  catalog: { id: string; version: number; title: string };
  applied: boolean;
  assets: {
    assetId: string;
    assetName: string;
    fromVersion: number | null;
    outcome: 'moves' | 'already' | 'blocked' | 'no_plan';
    reason: string | null;
    counts: { carried: number; reassess: number; added: number; noLongerApplicable: number; unchanged: number };
    changes: MoveChange[];
  }[];
  available: { version: number; title: string; publishedAt: string }[];
}
