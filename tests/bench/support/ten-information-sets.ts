import fs from 'node:fs';

/** The elevhälsa fixture widened to ten informationsmängder with varied ratings: the benchmarks' workshop. */
export function tenInformationSets(): Record<string, unknown> {
  const fixture = JSON.parse(fs.readFileSync('tests/fixtures/classification/elevhalsojournal.json', 'utf8')) as { answers: Record<string, unknown> };
  const sets = fixture.answers.informationsmangder as Record<string, unknown>[];
  const ten = Array.from({ length: 10 }, (_, index) => ({ ...sets[index % sets.length], namn: `Informationsmängd ${index + 1}` }));
  return { ...fixture.answers, informationsmangder: ten };
}
