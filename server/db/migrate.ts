import { type Kysely, type Migration, Migrator } from 'kysely';
import * as organisations from './migrations/001_organisations';
import * as peopleAndAudit from './migrations/002_people_and_audit';
import * as inventoryAndAssessments from './migrations/003_inventory_and_assessments';
import * as approvalsAndProtocols from './migrations/004_approvals_and_protocols';
import * as oversight from './migrations/005_oversight';
import * as templates from './migrations/006_templates';
import * as planFiguresIndex from './migrations/007_plan_figures_index';
import * as anchoredAudit from './migrations/008_anchored_audit';
import * as decisionRules from './migrations/009_decision_rules';
import * as rateLimits from './migrations/010_rate_limits';
import * as sso from './migrations/011_sso';
import * as assessmentChanges from './migrations/012_assessment_changes';
import * as organisationBudget from './migrations/013_organisation_budget';
import * as soaJustifications from './migrations/019_soa_justifications';
import * as decisionReference from './migrations/017_decision_reference';
import * as planHistory from './migrations/015_plan_history';
import * as protocolTimestamps from './migrations/018_protocol_timestamps';
import * as dpiaMeasureRowKeys from './migrations/016_dpia_measure_row_keys';
import * as swedishKeys from './migrations/014_swedish_keys';
import * as specialAnalyses from './migrations/020_special_analyses';
import * as refuseTruncate from './migrations/023_refuse_truncate';
import * as confirmationTimestamps from './migrations/024_review_confirmation_timestamps';
import * as planTallies from './migrations/021_plan_tallies';
import * as roundSummaries from './migrations/025_round_summaries';
import * as planYearEnds from './migrations/026_plan_year_ends';
import * as typedPostgresColumns from './migrations/027_typed_postgres_columns';
import type { Database } from './schema';

/** Numbered migrations, in order; a new one is appended, an old one never edited. */
const migrations: Record<string, Migration> = {
  '001_organisations': organisations,
  '002_people_and_audit': peopleAndAudit,
  '003_inventory_and_assessments': inventoryAndAssessments,
  '004_approvals_and_protocols': approvalsAndProtocols,
  '005_oversight': oversight,
  '006_templates': templates,
  '007_plan_figures_index': planFiguresIndex,
  '008_anchored_audit': anchoredAudit,
  '009_decision_rules': decisionRules,
  '010_rate_limits': rateLimits,
  '011_sso': sso,
  '012_assessment_changes': assessmentChanges,
  '013_organisation_budget': organisationBudget,
  '019_soa_justifications': soaJustifications,
  '017_decision_reference': decisionReference,
  '015_plan_history': planHistory,
  '018_protocol_timestamps': protocolTimestamps,
  '016_dpia_measure_row_keys': dpiaMeasureRowKeys,
  '014_swedish_keys': swedishKeys,
  '020_special_analyses': specialAnalyses,
  '023_refuse_truncate': refuseTruncate,
  '024_review_confirmation_timestamps': confirmationTimestamps,
  '021_plan_tallies': planTallies,
  '025_round_summaries': roundSummaries,
  '026_plan_year_ends': planYearEnds,
  '027_typed_postgres_columns': typedPostgresColumns,
};

export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(migrations) },
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error) {
    const failed = results.find((result) => result.status === 'Error');
    throw new Error(`Migration ${failed?.migrationName ?? '(unknown)'} failed: ${String(error)}`, { cause: error });
  }
  return results.filter((result) => result.status === 'Success').map((result) => result.migrationName);
}

/** Every migration this version of Sigill has, in order: a copy needs its source at exactly this level. */
export const migrationNames: readonly string[] = Object.keys(migrations);
