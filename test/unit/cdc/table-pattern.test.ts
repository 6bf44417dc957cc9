import { Construct } from 'constructs';
import { SourceEngine } from '../../../src/cdc/cdc-contract';
import { parseTablePatterns, patternDms, patternRegex } from '../../../src/cdc/table-pattern';
import { newStack } from '../../support/synth';

const scope = () => new Construct(newStack(), 'Cdc');

describe('table patterns', () => {
  test('parses <container>.<name> with wildcards; regex and DMS forms', () => {
    const parsed = parseTablePatterns(scope(), 'include', ['sales.orders', 'sales.*', 'app_$1.order-items'], SourceEngine.MYSQL, true);
    expect(parsed).toEqual([
      { container: 'sales', name: 'orders' },
      { container: 'sales', name: '*' },
      { container: 'app_$1', name: 'order-items' },
    ]);
    expect(parsed.map(patternRegex)).toEqual(['sales\\.orders', 'sales\\..*', 'app_\\$1\\.order\\-items']);
    expect(parsed.map(patternDms)).toEqual([
      { container: 'sales', name: 'orders' },
      { container: 'sales', name: '%' },
      { container: 'app_$1', name: 'order-items' },
    ]);
    expect(new RegExp(`^${patternRegex(parsed[1])}$`).test('sales.order_lines')).toBe(true);
    expect(new RegExp(`^${patternRegex(parsed[0])}$`).test('salesXorders')).toBe(false);
  });

  test('exact errors name the engine\'s parts', () => {
    expect(() => parseTablePatterns(scope(), 'include', [], SourceEngine.POSTGRESQL, true))
      .toThrow('test/Cdc: invalid include: received []; list at least one table as "<schema>.<table>", each part of letters, digits, "_", "$", "-" or "*" (any characters), for example "sales.orders" or "sales.*".');
    expect(() => parseTablePatterns(scope(), 'include', ['orders'], SourceEngine.MONGODB, true))
      .toThrow('test/Cdc: invalid include[0]: received "orders"; use "<database>.<collection>", each part of letters, digits, "_", "$", "-" or "*" (any characters), for example "sales.orders" or "sales.*".');
    expect(() => parseTablePatterns(scope(), 'exclude', ['a.b.c'], SourceEngine.MYSQL, false))
      .toThrow('test/Cdc: invalid exclude[0]: received "a.b.c"; use "<database>.<table>"');
    expect(() => parseTablePatterns(scope(), 'exclude', ['a.b c'], SourceEngine.MYSQL, false)).toThrow('invalid exclude[0]: received "a.b c"');
    expect(() => parseTablePatterns(scope(), 'include', ['a.b', 'a.b'], SourceEngine.MYSQL, true))
      .toThrow('test/Cdc: invalid include[1]: received "a.b"; list each pattern once.');
    expect(parseTablePatterns(scope(), 'exclude', [], SourceEngine.MYSQL, false)).toEqual([]);
  });
});
