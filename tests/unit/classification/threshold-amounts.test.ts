import { describe, expect, it } from 'vitest';
import { thresholdAmounts } from '../../../scoring/classification/threshold-amounts';
import { loadContent, loadContentV2 } from './content';

describe('the economic thresholds in kronor for an owner', () => {
  const model = loadContentV2().model;

  it('turns each percentage of the owner’s annual budget into kronor', () => {
    expect(thresholdAmounts(model, 1_200_000_000)).toEqual([
      expect.objectContaining({
        areaId: 'ekonomi',
        unit: 'procent',
        amounts: [
          { level: 1, from: 0.01, kronor: 120_000 },
          { level: 2, from: 0.1, kronor: 1_200_000 },
          { level: 3, from: 1, kronor: 12_000_000 },
        ],
      }),
    ]);
  });

  it('gives the percentages alone without a budget, and nothing for a model without thresholds', () => {
    expect(thresholdAmounts(model, null)[0]?.amounts.map((amount) => amount.kronor)).toEqual([null, null, null]);
    expect(thresholdAmounts(loadContent().model, 1_000_000)).toEqual([]);
  });
});
