import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from '../app-context';

/** Why a single sign-on was refused; each has its status, a Swedish text for the person and an English one for the API. */
const reasons = {
  provider_unknown: { status: 404, sv: 'Inloggningstjänsten finns inte eller är avstängd.', en: 'No such enabled identity provider' },
  login_expired: { status: 400, sv: 'Inloggningen har gått ut eller har redan använts. Börja om från inloggningssidan.', en: 'The login request is unknown, expired or already used' },
  idp_error: { status: 401, sv: 'Identitetstjänsten avbröt inloggningen.', en: 'The identity provider returned an error' },
  response_invalid: { status: 401, sv: 'Svaret från identitetstjänsten kunde inte godkännas.', en: 'The identity provider’s response was refused' },
  replayed: { status: 401, sv: 'Svaret från identitetstjänsten har redan använts en gång.', en: 'The assertion was already used' },
  email_missing: { status: 400, sv: 'Identitetstjänsten skickade ingen e-postadress för kontot.', en: 'The identity provider sent no e-mail address' },
  email_taken: {
    status: 409,
    sv: 'Det finns redan ett konto med den e-postadressen som inte är kopplat till identitetstjänsten. Kontakta administratören.',
    en: 'Another account uses this e-mail address; it is never linked by e-mail alone',
  },
  identity_elsewhere: {
    status: 409,
    sv: 'Identiteten hör till ett konto som en annan identitetstjänst har kopplat. Kontakta administratören.',
    en: 'This issuer and subject are linked through a provider with another trust anchor (issuer URL or signing certificate)',
  },
  account_disabled: { status: 403, sv: 'Kontot är avstängt i Sigill.', en: 'The account is disabled' },
} as const satisfies Record<string, { status: ContentfulStatusCode; sv: string; en: string }>;

export type RefusalReason = keyof typeof reasons;

export class SsoRefusal extends Error {
  constructor(readonly reason: RefusalReason, readonly detail: string) {
    super(`${reasons[reason].en}: ${detail}`);
    this.name = 'SsoRefusal';
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * The refusal as the browser that was sent here by the IdP should see it: a Swedish page with a
 * way back; an API caller (Accept: application/json) gets the usual error shape. Never a 500.
 */
export function refusalResponse(c: Context<AppEnv>, refusal: SsoRefusal): Response {
  const { status, sv, en } = reasons[refusal.reason];
  c.get('deps').logger.warn('single sign-on refused', { reason: refusal.reason, detail: refusal.detail });
  if ((c.req.header('accept') ?? '').includes('application/json')) {
    return c.json({ error: { code: `sso_${refusal.reason}`, message: en, details: [{ field: 'sso', message: refusal.detail }] } }, status);
  }
  const page = `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Inloggningen misslyckades – Sigill</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><main><h1>Inloggningen misslyckades</h1><p>${escapeHtml(sv)}</p><p><a href="/">Tillbaka till inloggningen</a></p></main></body></html>`;
  return c.html(page, status);
}
