import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../server/config';
import { caAndIssuedSeal } from '../../support/pdf-forgery';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('SIGILL_TRUST_ANCHORS', () => {
  it('is empty by default: only this installation’s seal is trusted', () => {
    expect(loadConfig({}).trustAnchorFiles).toEqual([]);
  });

  it('takes comma-separated PEM files, each read and checked at start', () => {
    const { caPemFile, remove } = caAndIssuedSeal('/C=SE/O=Region/CN=Regionens CA', '/C=SE/O=Region/CN=Regionens sigill');
    const notPem = path.join(path.dirname(caPemFile), 'not.pem');
    fs.writeFileSync(notPem, 'inte ett certifikat');
    try {
      expect(loadConfig({ SIGILL_TRUST_ANCHORS: ` ${caPemFile} ,` }).trustAnchorFiles).toEqual([caPemFile]);
      const problems = problemsOf({ SIGILL_TRUST_ANCHORS: `${caPemFile},/saknas/ca.pem,${notPem}` });
      expect(problems).toEqual([`SIGILL_TRUST_ANCHORS: cannot read /saknas/ca.pem`, `SIGILL_TRUST_ANCHORS: ${notPem} holds no PEM certificate`]);
    } finally {
      remove();
    }
  });
});
