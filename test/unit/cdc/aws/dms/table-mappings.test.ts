import { dmsStack } from './dms-fixture';
import { SourceEngine } from '../../../../../src/cdc';
import { synth } from '../../../../support/synth';

const FORM = (container: string, name: string) =>
  `"<${container}>.<${name}>", each part of letters, digits, "_", "$", "-" or "*" (any characters), for example "sales.orders" or "sales.*"`;

describe('DmsCdcSource table mappings', () => {
  test('one include rule per include pattern, then one exclude rule per exclude pattern; "*" becomes "%"; ids and names deterministic', () => {
    const { stack, cdc } = dmsStack({ include: ['sales.*', 'crm.customers', '*.orders'], exclude: ['sales.audit_*', 'sales.tmp'] });
    const expected = {
      rules: [
        { 'rule-type': 'selection', 'rule-id': '1', 'rule-name': 'include-1', 'object-locator': { 'schema-name': 'sales', 'table-name': '%' }, 'rule-action': 'include' },
        { 'rule-type': 'selection', 'rule-id': '2', 'rule-name': 'include-2', 'object-locator': { 'schema-name': 'crm', 'table-name': 'customers' }, 'rule-action': 'include' },
        { 'rule-type': 'selection', 'rule-id': '3', 'rule-name': 'include-3', 'object-locator': { 'schema-name': '%', 'table-name': 'orders' }, 'rule-action': 'include' },
        { 'rule-type': 'selection', 'rule-id': '4', 'rule-name': 'exclude-1', 'object-locator': { 'schema-name': 'sales', 'table-name': 'audit_%' }, 'rule-action': 'exclude' },
        { 'rule-type': 'selection', 'rule-id': '5', 'rule-name': 'exclude-2', 'object-locator': { 'schema-name': 'sales', 'table-name': 'tmp' }, 'rule-action': 'exclude' },
      ],
    };
    expect(JSON.parse(cdc.tableMappingsJson)).toEqual(expected);
    const task = synth(stack).only('aws_dms_replication_task');
    expect(JSON.parse(task.table_mappings)).toEqual(expected);
    expect(cdc.include).toEqual(['sales.*', 'crm.customers', '*.orders']);
    expect(cdc.exclude).toEqual(['sales.audit_*', 'sales.tmp']);
  });

  test('the same patterns give the same document (no ordering or naming drift between synths)', () => {
    const a = dmsStack({ include: ['b.*', 'a.x'], exclude: ['b.y'] }).cdc.tableMappingsJson;
    const b = dmsStack({ include: ['b.*', 'a.x'], exclude: ['b.y'] }).cdc.tableMappingsJson;
    expect(a).toBe(b);
  });

  test('MongoDB: database and collection go in schema-name and table-name', () => {
    const { cdc } = dmsStack({ include: ['shop.orders'] }, { engine: SourceEngine.MONGODB });
    expect(JSON.parse(cdc.tableMappingsJson).rules[0]['object-locator']).toEqual({ 'schema-name': 'shop', 'table-name': 'orders' });
  });

  test('exact errors for bad include and exclude patterns', () => {
    expect(() => dmsStack({ include: [] })).toThrow(`test/Orders: invalid include: received []; list at least one table as ${FORM('database', 'table')}.`);
    expect(() => dmsStack({ include: ['orders'] })).toThrow(`test/Orders: invalid include[0]: received "orders"; use ${FORM('database', 'table')}.`);
    expect(() => dmsStack({ include: ['sales.orders', 'sales.or ders'] })).toThrow(`test/Orders: invalid include[1]: received "sales.or ders"; use ${FORM('database', 'table')}.`);
    expect(() => dmsStack({ include: ['a.b.c'] }, { engine: SourceEngine.POSTGRESQL })).toThrow(`test/Orders: invalid include[0]: received "a.b.c"; use ${FORM('schema', 'table')}.`);
    expect(() => dmsStack({ include: ['sales.*', 'sales.*'] })).toThrow('test/Orders: invalid include[1]: received "sales.*"; list each pattern once.');
    expect(() => dmsStack({ exclude: ['sales'] }, { engine: SourceEngine.MONGODB })).toThrow(`test/Orders: invalid exclude[0]: received "sales"; use ${FORM('database', 'collection')}.`);
    expect(() => dmsStack({ include: ['sales.*'], exclude: ['sales.tmp', 'sales.*'] })).toThrow(
      'test/Orders: invalid exclude[1]: received "sales.*"; it is also in include, which would capture nothing of it; remove it from one of the lists.');
  });
});
