import { displayOf, nameOf, nodesOf, queryNodes, valueOf, valuesOf } from 'c/graphqlNodes';

describe('c/graphqlNodes', () => {
  it('unwraps { value } fields and passes plain values through', () => {
    expect(valueOf({ value: 3 })).toBe(3);
    expect(valueOf({ value: null, displayValue: null })).toBeNull();
    expect(valueOf(undefined)).toBeNull();
    expect(valueOf(null)).toBeNull();
    expect(valueOf('plain')).toBe('plain');
    expect(valueOf(0)).toBe(0);
  });

  it('prefers the displayValue a person reads, else the value', () => {
    expect(displayOf({ value: 'Under Review', displayValue: '审核中' })).toBe('审核中');
    expect(displayOf({ value: 'New', displayValue: null })).toBe('New');
    expect(displayOf(undefined)).toBeNull();
  });

  it('reads a parent name and the nodes of a connection', () => {
    expect(nameOf({ Name: { value: 'SSO' } })).toBe('SSO');
    expect(nameOf(null)).toBeNull();
    expect(nodesOf({ edges: [{ node: { Id: '1' } }, { node: { Id: '2' } }] })).toEqual([
      { Id: '1' },
      { Id: '2' },
    ]);
    expect(nodesOf(undefined)).toEqual([]);
    expect(
      queryNodes({ uiapi: { query: { A__c: { edges: [{ node: { Id: 'x' } }] } } } }, 'A__c'),
    ).toEqual([{ Id: 'x' }]);
    expect(queryNodes({ uiapi: { query: {} } }, 'A__c')).toEqual([]);
  });

  it('reads several fields by their schema imports', () => {
    const node = { Name: { value: 'n' }, Score__c: { value: 2 } };
    expect(
      valuesOf(node, {
        name: { fieldApiName: 'Name' },
        score: { fieldApiName: 'Score__c' },
        missing: { fieldApiName: 'Gone__c' },
      }),
    ).toEqual({ name: 'n', score: 2, missing: null });
  });
});
