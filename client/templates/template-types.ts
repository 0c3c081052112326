import type { FloorReport, LevelSnapshot } from '../../scoring/classification/template-floor';

/** The template API's shapes as the client reads them (server/templates/template-schemas.ts). */
export interface FulfilledRequirement {
  requirementId: string;
  title: string;
  hur: string;
}

export interface TemplateVersion {
  id: string;
  templateId: string;
  version: number;
  name: string;
  description: string;
  levels: LevelSnapshot;
  profileText: string;
  loweringPolicy: 'never' | 'with_approval';
  loweringApprover: 'central' | 'local' | null;
  fulfilled: FulfilledRequirement[];
  publishedAt: string;
}

export interface TemplateSummary {
  id: string;
  organisationId: string;
  organisationName: string;
  latest: TemplateVersion;
  adoptions: number;
}

export interface TemplateDetail {
  id: string;
  organisationName: string;
  sourceAssetId: string;
  versions: TemplateVersion[];
}

interface LevelChange {
  aspect: string;
  from: number | null;
  to: number | null;
}

export interface TemplateDiff {
  fromVersion: number;
  toVersion: number;
  levels: LevelChange[];
  informationSets: { added: string[]; removed: string[]; changed: { name: string; levels: LevelChange[] }[] };
  fulfilled: { added: FulfilledRequirement[]; removed: FulfilledRequirement[]; changed: { requirementId: string; title: string }[] };
  loweringPolicy: { from: string; to: string } | null;
}

export interface LoweringApproval {
  id: string;
  aspect: string;
  localLevel: number | null;
  userName: string;
  createdAt: string;
}

export interface AdoptionView {
  adoption: { id: string; templateId: string; templateName: string; organisationName: string; adoptedAt: string };
  version: TemplateVersion;
  changed: { version: number; diff: TemplateDiff } | null;
  floor: { assessmentId: string; status: string; report: FloorReport } | null;
  approvals: LoweringApproval[];
}

export interface AdoptionReport {
  template: { id: string; name: string; latestVersion: number };
  adoptions: {
    assetId: string;
    assetName: string;
    organisationName: string;
    version: number;
    changed: boolean;
    classificationStatus: string | null;
    profileText: string | null;
    deviations: { aspect: string; templateLevel: number | null; localLevel: number | null; deviation: 'same' | 'raise' | 'lowering'; approved: boolean }[];
  }[];
}

/** "K2", or "K ej bedömd": a level as the floor tables write it. */
export function levelText(aspect: string, level: number | null, notAssessed: string): string {
  return level === null ? `${aspect} ${notAssessed}` : `${aspect}${level}`;
}
