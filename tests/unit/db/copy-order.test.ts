import { describe, expect, it } from 'vitest';
import { foreignKeyOrder } from '../../../server/db/copy-order';

const key = (table: string, references: string) => ({ table, column: `${references}_id`, references, referencedColumn: 'id' });

describe('foreignKeyOrder (db:copy)', () => {
  it('puts every table after the tables it references, ties by name, a self-reference aside', () => {
    const order = foreignKeyOrder(['protocols', 'assessments', 'assets', 'organisations', 'users'], [
      key('protocols', 'assessments'),
      key('assessments', 'assets'),
      key('assessments', 'assessments'),
      key('assets', 'organisations'),
      key('assessments', 'users'),
      key('organisations', 'organisations'),
    ]);
    expect(order).toEqual(['organisations', 'users', 'assets', 'assessments', 'protocols']);
  });

  it('names the tables of a cycle, which no order can write parents first', () => {
    expect(() => foreignKeyOrder(['a', 'b', 'c'], [key('a', 'b'), key('b', 'a')])).toThrow('the tables a, b reference each other in a cycle');
  });
});
