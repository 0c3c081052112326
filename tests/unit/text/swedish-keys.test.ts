import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { containsPattern } from '../../../server/text/folded-search';
import { compareSwedish, foldForSearch, searchKeyOf, swedishSortKey } from '../../../server/text/swedish-keys';

const collator = new Intl.Collator('sv', { sensitivity: 'base' });
const byKey = (names: readonly string[]) => [...names].sort((a, b) => (swedishSortKey(a) < swedishSortKey(b) ? -1 : swedishSortKey(a) > swedishSortKey(b) ? 1 : 0));

describe('Swedish sort key', () => {
  it('orders the issue’s names A–Z, then Å Ä Ö, case-insensitive (SQLite gave Zebra | Äldreomsorg | Åtgärdsregister | Örebro | ärendesystem)', () => {
    const names = ['Zebra', 'Äldreomsorg', 'Åtgärdsregister', 'Örebro', 'ärendesystem'];
    const expected = ['Zebra', 'Åtgärdsregister', 'Äldreomsorg', 'ärendesystem', 'Örebro'];
    expect([...names].sort(collator.compare)).toEqual(expected);
    expect(byKey(names)).toEqual(expected);
    expect([...names].sort(compareSwedish)).toEqual(expected);
  });

  it('is ASCII, so a binary comparison (SQLite) and PostgreSQL’s "C" collation order it alike', () => {
    for (const name of ['Överförmyndare', 'Café Ängen', 'Ølstue', 'Übersicht', 'Straße 12', 'Ωmega', 'e-tjänst: 24/7']) {
      expect(swedishSortKey(name)).toMatch(/^[\x20-\x7e]*$/);
    }
  });

  it('agrees with Intl.Collator("sv") on names of Swedish letters, digits, spaces and hyphens', () => {
    const letter = fc.constantFrom('a', 'A', 'b', 'e', 'é', 'v', 'w', 'y', 'ü', 'z', 'Z', 'å', 'Å', 'ä', 'Ä', 'æ', 'ö', 'Ö', 'ø', '0', '9', ' ', '-');
    const name = fc.array(letter, { maxLength: 6 }).map((chars) => chars.join(''));
    fc.assert(
      fc.property(name, name, (a, b) => {
        expect(Math.sign(compareSwedish(a, b))).toBe(Math.sign(collator.compare(a, b)));
      }),
      { seed: 16, numRuns: 2000 },
    );
  });
});

describe('folded search key', () => {
  it('lets "över" find "Överförmyndare" and "ALDRE" miss "Äldreomsorg" (ä is its own letter)', () => {
    const key = searchKeyOf(['Överförmyndare']);
    expect(key.includes(foldForSearch('över'))).toBe(true);
    expect(searchKeyOf(['Äldreomsorg']).includes(foldForSearch('ALDRE'))).toBe(false);
    expect(searchKeyOf(['Äldreomsorg']).includes(foldForSearch('ÄLDRE'))).toBe(true);
  });

  it('drops other accents and folds white space, keeping the fields on separate lines', () => {
    expect(foldForSearch('Café  Zoë\tÅngström')).toBe('cafe zoe ångström');
    expect(searchKeyOf(['Namn', null, '', 'Leverantör AB'])).toBe('namn\nleverantör ab');
  });

  it('escapes LIKE’s wildcards in the query', () => {
    expect(containsPattern('50%_A\\b')).toBe('%50\\%\\_a\\\\b%');
  });
});
