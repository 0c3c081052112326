import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { type AppDeps, createRouter } from './app-context';
import { AppError, type ErrorCode, errorBody } from './errors';
import { compressLargeJson } from './compress-json';
import { csrfGuard, importUploadPath, jsonBodiesOnly, loadSession } from './auth/middleware';
import { limitPerAddress } from './auth/rate-limit-middleware';
import { limits } from './auth/rate-limiter';
import { constraintError } from './db/constraint-errors';
import { fileTooLarge, importLimits } from './imports/import-limits';
import { assetRecordRoutes } from './routes/asset-records';
import { assessmentRoutes } from './routes/assessments';
import { assetRoutes } from './routes/assets';
import { authRoutes } from './routes/auth';
import { dashboardRoutes } from './routes/dashboard';
import { organisationBudgetRoutes } from './routes/organisation-budget';
import { todoRoutes } from './routes/todo';
import { formRoutes } from './routes/forms';
import { healthRoutes } from './routes/health';
import { importRoutes } from './routes/imports';
import { liveRoutes } from './routes/live';
import { organisationRoutes } from './routes/organisations';
import { catalogMoveRoutes } from './routes/catalog-moves';
import { planHistoryRoutes } from './routes/plan-history';
import { lgStatementRoutes } from './routes/lg-statements';
import { planRoutes } from './routes/plans';
import { maxPdfBytes, protocolRoutes } from './routes/protocols';
import { reportRoutes } from './routes/reports';
import { dpiaOverviewRoutes } from './routes/dpia-overview';
import { soaRoutes } from './routes/soa';
import { reviewRoutes } from './routes/reviews';
import { exportRoutes } from './routes/exports';
import { signOffRoutes } from './routes/sign-off';
import { adoptionRoutes } from './routes/adoptions';
import { templateRoutes } from './routes/templates';
import { clientAddress } from './proxy/request-origin';
import { identityProviderRoutes } from './routes/identity-providers';
import { samlAcsRoutes, ssoRoutes } from './routes/sso';
import { securityHeaders } from './security-headers';
import { refuseNulCharacters } from './text/refuse-nul';
import { serveClient } from './static-client';
import { sigillVersion } from './version';

export const maxBodyBytes = 1024 * 1024;

function limit(maxSize: number) {
  return bodyLimit({
    maxSize,
    onError: () => {
      throw new AppError('payload_too_large', `The request body exceeds ${maxSize} bytes`);
    },
  });
}

/** Builds the whole HTTP application; server/index.ts only listens. */
export function createApp(deps: AppDeps) {
  const app = createRouter();
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  app.use('*', securityHeaders);
  // Anyone may verify a PDF of up to 20 MB: counted per client address before a byte of it is read.
  app.use('/api/verify', limitPerAddress(limits.verifyPerAddress));
  app.use('/api/sso/providers/:id/login', limitPerAddress(limits.ssoStartPerAddress));
  const jsonLimit = limit(maxBodyBytes);
  // A protocol to verify is a whole PDF, an import a whole spreadsheet (plus the form around it,
  // the file itself is bounded while it streams); every other body is a small JSON document.
  const pdfLimit = limit(maxPdfBytes);
  const importLimit = bodyLimit({
    maxSize: importLimits.fileBytes + 64 * 1024,
    onError: () => {
      throw fileTooLarge();
    },
  });
  app.use('/api/*', (c, next) => {
    if (c.req.path === '/api/verify') return pdfLimit(c, next);
    return c.req.method === 'POST' && importUploadPath.test(c.req.path) ? importLimit(c, next) : jsonLimit(c, next);
  });

  // The IdP's browser form POST is cross-site by design; its signed, one-time assertion is its protection, so it answers before the JSON and CSRF checks.
  app.route('/api/sso/saml', samlAcsRoutes);
  app.use('/api/*', jsonBodiesOnly, loadSession, csrfGuard, refuseNulCharacters);
  app.use('/api/*', compressLargeJson);

  const api = app.route('/api/health', healthRoutes).route('/api/forms', formRoutes).route('/api/auth', authRoutes)
    .route('/api/organisations', organisationRoutes)
    .route('/api/assets', assetRoutes)
    .route('/api', assessmentRoutes)
    .route('/api', liveRoutes)
    .route('/api', planRoutes)
    .route('/api', catalogMoveRoutes)
    .route('/api', planHistoryRoutes)
    .route('/api', lgStatementRoutes)
    .route('/api', assetRecordRoutes)
    .route('/api', signOffRoutes)
    .route('/api', protocolRoutes)
    .route('/api', templateRoutes)
    .route('/api', adoptionRoutes)
    .route('/api', dashboardRoutes)
    .route('/api', organisationBudgetRoutes)
    .route('/api', todoRoutes)
    .route('/api', importRoutes)
    .route('/api', reportRoutes)
    .route('/api', soaRoutes)
    .route('/api', dpiaOverviewRoutes)
    .route('/api', reviewRoutes)
    .route('/api', exportRoutes)
    .route('/api/sso', ssoRoutes)
    .route('/api', identityProviderRoutes);

  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'Sigill API', version: sigillVersion },
  });
  app.all('/api/*', (c) => {
    throw new AppError('not_found', `No API route ${c.req.method} ${c.req.path}`);
  });
  app.use('*', serveClient(deps.config.clientDir));
  app.notFound(() => {
    throw new AppError('not_found', 'Not found');
  });
  app.onError((error, c) => {
    const appError = toAppError(error);
    if (appError.status >= 500) deps.logger.error('request failed', { path: c.req.path, address: clientAddress(c), error: String(error), stack: (error as Error).stack });
    return c.json(errorBody(appError), appError.status);
  });
  return api;
}

export type AppType = ReturnType<typeof createApp>;

const codeByHttpStatus: Partial<Record<number, ErrorCode>> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const violation = constraintError(error);
  if (violation) return violation;
  if (error instanceof HTTPException) {
    if (/malformed json/i.test(error.message)) return new AppError('invalid_json', 'The request body is not valid JSON', [{ field: 'body', message: error.message }]);
    const code = codeByHttpStatus[error.status];
    if (code) return new AppError(code, error.message || code);
  }
  // Never echo an unexpected error's message: it may hold SQL or paths.
  return new AppError('internal', 'An unexpected error occurred; it has been logged');
}
