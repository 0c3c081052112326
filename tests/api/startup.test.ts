import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeFormsFolder, smallQuestionnaire } from '../support/temp-forms';

function startServer(env: Record<string, string>) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    env: { ...process.env, SIGILL_PORT: '0', SIGILL_LOG_LEVEL: 'silent', ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
}

describe('starting the server', () => {
  it('stops with the file name and the reason when a form is malformed', () => {
    const broken = { ...smallQuestionnaire(), survey: { title: 'ingen sida' } };
    const formsDir = makeFormsFolder({ 'bra/v1.json': smallQuestionnaire('bra'), 'trasig/v1.json': { ...broken, meta: { ...broken.meta, id: 'trasig' } } });
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigill-start-'));
    const result = startServer({ SIGILL_FORMS_DIR: formsDir, SIGILL_DATA_DIR: dataDir });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(path.join(formsDir, 'trasig', 'v1.json'));
    expect(result.stderr).toMatch(/survey: a survey needs pages or elements/);
    expect(fs.existsSync(path.join(dataDir, 'sigill.sqlite'))).toBe(false);
  });

  it('stops with every wrong variable named', () => {
    const result = startServer({ SIGILL_PORT: 'x', SIGILL_LOG_LEVEL: 'chatty' });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/SIGILL_PORT/);
    expect(result.stderr).toMatch(/SIGILL_LOG_LEVEL/);
  });
});
