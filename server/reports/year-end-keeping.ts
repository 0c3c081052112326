import type { AppDeps } from '../app-context';
import { keepLastYearEnds } from './plan-year-end-store';

/**
 * Last year's plans kept for every organisation (plan-year-end-store.ts): once before the server
 * listens, then hourly, so soon after New Year no report waits for the counting. A failure is logged
 * and tried again next hour; it never stops the start. Answers a stop function.
 */
export async function startYearEndKeeping(deps: AppDeps): Promise<() => void> {
  const run = async () => {
    try {
      const kept = await keepLastYearEnds(deps.database.db);
      if (kept > 0) deps.logger.info("kept last year's handlingsplaner for Ledningens genomgång", { organisations: kept });
    } catch (error) {
      deps.logger.error("keeping last year's handlingsplaner failed", { error: error instanceof Error ? error.message : String(error) });
    }
  };
  await run();
  const timer = setInterval(() => void run(), 3600_000);
  timer.unref();
  return () => clearInterval(timer);
}
