import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyOk, loadContentV2 } from './content';

/**
 * Profile drift is never silent: described municipal objects, answered from the level texts of
 * model v2 and reviewed by the team. A content change that moves one of them must update its
 * fixture in the same commit.
 */
interface CalibrationFixture {
  description: string;
  form: { id: string; version: number };
  reviewed: string;
  answers: Record<string, unknown>;
  expected: { profile: string; flags: Record<string, boolean> };
}

const folder = 'tests/fixtures/calibration';
const names = fs.readdirSync(folder).filter((file) => file.endsWith('.json')).map((file) => file.replace(/\.json$/, '')).sort();
const content = loadContentV2();

describe('the calibration set', () => {
  it('holds at least ten described objects, all for the questionnaire it is scored with', () => {
    expect(names.length).toBeGreaterThanOrEqual(10);
    for (const name of names) {
      const fixture = JSON.parse(fs.readFileSync(path.join(folder, `${name}.json`), 'utf8')) as CalibrationFixture;
      expect(fixture.form).toEqual({ id: content.form.meta.id, version: content.form.meta.version });
    }
  });

  describe.each(names)('%s', (name) => {
    const fixture = JSON.parse(fs.readFileSync(path.join(folder, `${name}.json`), 'utf8')) as CalibrationFixture;
    const classification = classifyOk(content, fixture.answers);

    it('keeps its reviewed profile', () => {
      expect(classification.profile.text).toBe(fixture.expected.profile);
    });

    it('keeps its reviewed flags', () => {
      const flags = Object.fromEntries(Object.entries(classification.flags).map(([flag, value]) => [flag, value.value]));
      expect(flags).toEqual(fixture.expected.flags);
    });

    it('is complete', () => {
      expect(classification.completeness).toEqual({ complete: true, missing: [] });
    });
  });
});
