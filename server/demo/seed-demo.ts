import fs from 'node:fs';
import path from 'node:path';
import type { AppDeps } from '../app-context';
import { submitForReview } from '../assessments/change-status';
import { decide, sealAfterDecision } from '../assessments/sign-off';
import { findAssessment } from '../assessments/assessment-store';
import { saveAnswers } from '../assessments/save-answers';
import { startAssessment } from '../assessments/start-assessment';
import { insertAsset } from '../assets/asset-store';
import { appendAuditEvent } from '../audit/audit-log';
import { withTransaction } from '../db/transaction';
import type { AssessmentKind, OrganisationKind, Role } from '../db/schema';
import { newId, nowIso } from '../ids';
import { repoRoot } from '../runtime-files';
import { seedOversightDemo } from './seed-oversight';
import { seedDemoTemplate } from './seed-templates';
import { createUser, findUserByEmail, grantRole } from '../users/user-store';

const answersDir = path.join(repoRoot, 'server', 'demo', 'answers');
const answers = (name: string) => JSON.parse(fs.readFileSync(path.join(answersDir, `${name}.json`), 'utf8')) as Record<string, unknown>;

export const demoPassword = 'sigill-demo-2026';
export const demoDomain = 'exempelkommun.se';

const demoUsers: { email: string; name: string; role: Role; organisation: 'kommun' | 'social' | 'skola' }[] = [
  { email: `isam@${demoDomain}`, name: 'Ingrid Samuelsson (informationssäkerhetssamordnare)', role: 'isam', organisation: 'kommun' },
  { email: `dso@${demoDomain}`, name: 'David Svensson (dataskyddsombud)', role: 'dso', organisation: 'kommun' },
  { email: `granskare@${demoDomain}`, name: 'Greta Andersson (revisor)', role: 'granskare', organisation: 'kommun' },
  { email: `sakerhetsskyddschef@${demoDomain}`, name: 'Stefan Berg (säkerhetsskyddschef)', role: 'sakerhetsskyddschef', organisation: 'kommun' },
  { email: `objektledare.social@${demoDomain}`, name: 'Omar Lind (objektledare, socialförvaltningen)', role: 'objektledare', organisation: 'social' },
  { email: `beslutsfattare.social@${demoDomain}`, name: 'Britt Holm (förvaltningschef, socialförvaltningen)', role: 'beslutsfattare', organisation: 'social' },
  { email: `objektledare.skola@${demoDomain}`, name: 'Sara Nyberg (objektledare, utbildningsförvaltningen)', role: 'objektledare', organisation: 'skola' },
  { email: `beslutsfattare.skola@${demoDomain}`, name: 'Per Ek (förvaltningschef, utbildningsförvaltningen)', role: 'beslutsfattare', organisation: 'skola' },
];

type Place = 'kommun' | 'social' | 'skola';
const demoAssets: { key: string; organisation: Place; name: string; type: string; description: string; suppliers: string[]; hosting: 'egen_drift' | 'kommunens_it' | 'molntjanst' }[] = [
  { key: 'ekonomi', organisation: 'kommun', name: 'Ekonomisystemet', type: 'system', description: 'Redovisning, leverantörsfakturor och utbetalningar för hela kommunen.', suppliers: ['Ekonomileverantören AB'], hosting: 'kommunens_it' },
  { key: 'diarium', organisation: 'kommun', name: 'Ärende- och dokumenthanteringssystem', type: 'system', description: 'Registrering av allmänna handlingar och ärenden.', suppliers: ['Diarieföretaget AB'], hosting: 'kommunens_it' },
  { key: 'ifo', organisation: 'social', name: 'Verksamhetssystem individ- och familjeomsorg', type: 'system', description: 'Journaler och beslut inom IFO.', suppliers: ['Omsorgssystem AB'], hosting: 'kommunens_it' },
  { key: 'hemtjanst', organisation: 'social', name: 'Planeringssystem hemtjänst', type: 'system', description: 'Planering av besök och larm i hemtjänsten, med positionering av personal.', suppliers: ['Planeringsleverantören AB'], hosting: 'molntjanst' },
  { key: 'bistand', organisation: 'social', name: 'E-tjänst ekonomiskt bistånd', type: 'e-tjanst', description: 'Ansökan om försörjningsstöd med automatiska förkontroller.', suppliers: [], hosting: 'kommunens_it' },
  { key: 'gruppdisk-ifo', organisation: 'social', name: 'Gruppdisk IFO', type: 'gruppdisk', description: 'Arbetsmaterial för handläggare inom IFO.', suppliers: [], hosting: 'kommunens_it' },
  { key: 'larm', organisation: 'social', name: 'Trygghetslarm', type: 'system', description: 'Larmmottagning för personer med trygghetslarm.', suppliers: ['Larmcentralen AB'], hosting: 'molntjanst' },
  { key: 'elevhalsa', organisation: 'skola', name: 'Elevhälsans journalsystem', type: 'system', description: 'Journaler för skolsköterskor, skolläkare, kuratorer och psykologer.', suppliers: ['Journalföretaget AB'], hosting: 'molntjanst' },
  { key: 'skolplattform', organisation: 'skola', name: 'Skolplattformen', type: 'system', description: 'Schema, närvaro, omdömen och kontakt med vårdnadshavare.', suppliers: ['Skolplattform AB'], hosting: 'molntjanst' },
  { key: 'franvaro', organisation: 'skola', name: 'Frånvaroappen', type: 'e-tjanst', description: 'Vårdnadshavare anmäler frånvaro och får besked om ogiltig frånvaro.', suppliers: ['Apputvecklarna AB'], hosting: 'molntjanst' },
  { key: 'rektorer', organisation: 'skola', name: 'Gruppdisk rektorer', type: 'gruppdisk', description: 'Rektorernas gemensamma arbetsmaterial.', suppliers: [], hosting: 'kommunens_it' },
  { key: 'lokalbokning', organisation: 'skola', name: 'Lokalbokningssystem', type: 'system', description: 'Bokning av idrottshallar och skollokaler för föreningar.', suppliers: ['Bokningstjänst AB'], hosting: 'molntjanst' },
];

async function createOrganisation(deps: AppDeps, name: string, kind: OrganisationKind, parentId: string | null, isCentral: boolean): Promise<string> {
  const id = newId();
  await deps.database.db.insertInto('organisations').values({ id, parent_id: parentId, name, kind, is_central: isCentral ? 1 : 0, created_at: nowIso() }).execute();
  return id;
}

/**
 * SIGILL_DEMO=1: a living kommun for a newcomer — two förvaltningar, a user per role, a dozen
 * assets, four fastställda classifications (one overdue for review), one in progress, open plan
 * items with ansvarig and a DPIA screening. Runs once.
 */
function placeOf(assetKey: string): Place {
  return demoAssets.find((asset) => asset.key === assetKey)!.organisation;
}

export async function seedDemo(deps: AppDeps, adminEmail: string): Promise<boolean> {
  const { db } = deps.database;
  if (await findUserByEmail(db, `isam@${demoDomain}`)) return false;
  const kommun = await createOrganisation(deps, 'Exempelkommun', 'kommun', null, true);
  const places: Record<Place, string> = {
    kommun,
    social: await createOrganisation(deps, 'Socialförvaltningen', 'forvaltning', kommun, false),
    skola: await createOrganisation(deps, 'Utbildningsförvaltningen', 'forvaltning', kommun, false),
  };
  deps.organisations.invalidate();
  const admin = await findUserByEmail(db, adminEmail);
  if (admin) await grantRole(db, admin.id, kommun, 'admin');
  const userIds = new Map<string, string>();
  const assetIds = new Map<string, string>();
  // The people, the inventory and the event that records them commit together.
  await withTransaction(db, async (trx) => {
    for (const user of demoUsers) {
      const id = await createUser(trx, { email: user.email, name: user.name, password: demoPassword });
      await grantRole(trx, id, places[user.organisation], user.role);
      userIds.set(user.email, id);
    }
    for (const asset of demoAssets) {
      const objektledare = asset.organisation === 'kommun' ? null : userIds.get(`objektledare.${asset.organisation}@${demoDomain}`)!;
      const id = await insertAsset(trx, {
        organisationId: places[asset.organisation],
        name: asset.name,
        type: asset.type as 'system',
        description: asset.description,
        informationsagare: asset.organisation === 'skola' ? 'Barn- och utbildningsnämnden' : asset.organisation === 'social' ? 'Socialnämnden' : 'Kommunstyrelsen',
        objektagare: 'Förvaltningschef',
        objektledareUserId: objektledare,
        suppliers: asset.suppliers,
        hosting: asset.hosting,
        tags: [],
        externalId: null,
      });
      assetIds.set(asset.key, id);
    }
    await appendAuditEvent(trx, { actorUserId: null, organisationId: kommun, action: 'system.demo_seeded', entityType: 'organisation', entityId: kommun, payload: { users: demoUsers.length, assets: demoAssets.length } });
  });

  const isam = userIds.get(`isam@${demoDomain}`)!;
  const run = async (assetKey: string, organisation: Place, kind: AssessmentKind, answerSet: string) => {
    const assessment = await startAssessment(deps, { id: assetIds.get(assetKey)!, organisationId: places[organisation] }, kind, isam);
    return saveAnswers(deps, assessment, 0, answers(answerSet), isam, 'ISAM (demo)');
  };
  const ekonomi = await run('ekonomi', 'kommun', 'classification', 'ekonomisystem');
  const submitted = await submitForReview(deps, ekonomi, isam);
  const decider = userIds.get(`beslutsfattare.social@${demoDomain}`)!;
  // Sealed like any decision: a read never produces a protocol.
  await sealAfterDecision(deps, await decide(deps, (await findAssessment(db, submitted.id))!, { statement: 'Klassningen fastställs av kommundirektören.' }, { userId: decider, role: 'beslutsfattare' }), decider);
  await seedDemoTemplate(deps, submitted.id, kommun, isam);
  await run('elevhalsa', 'skola', 'classification', 'elevhalsojournal');
  await seedOversightDemo(deps, {
    classify: async (assetKey, answerSet) => {
      const assessment = await startAssessment(deps, { id: assetIds.get(assetKey)!, organisationId: places[placeOf(assetKey)] }, 'classification', isam);
      const name = demoAssets.find((asset) => asset.key === assetKey)!.name;
      return saveAnswers(deps, assessment, 0, { ...answers(answerSet), objekt_namn: name }, isam, 'ISAM (demo)');
    },
    submitterUserId: isam,
    decider: { userId: userIds.get(`beslutsfattare.social@${demoDomain}`)!, role: 'beslutsfattare' },
    ekonomiAssetId: assetIds.get('ekonomi')!,
    isamEmail: `isam@${demoDomain}`,
    objektledareName: demoUsers.find((user) => user.email === `objektledare.social@${demoDomain}`)!.name,
  });
  await run('hemtjanst', 'social', 'dpia-screening', 'hemtjanst-gps-screening');
  return true;
}
