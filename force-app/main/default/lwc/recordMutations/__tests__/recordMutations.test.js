import { applyAll, buildMutation, createOp, deleteOp, refTo, updateOp } from 'c/recordMutations';
import { executeMutation } from 'lightning/graphql';

// The sfdx-lwc-jest stub has no executeMutation; gql keeps the text.
jest.mock('lightning/graphql', () => ({
  gql: (strings) => strings.join(''),
  executeMutation: jest.fn(),
}));

describe('c/recordMutations', () => {
  afterEach(() => jest.clearAllMocks());

  it('builds one all-or-none mutation whose text holds no value', () => {
    const typed = 'Banks "} }) { Id } #';
    const { text, variables } = buildMutation('segmentClone', [
      createOp('Segment__c', { Name: typed, Active__c: false }),
      createOp('Segment_Criterion__c', { Segment__c: refTo(0), Value__c: typed }),
      updateOp('Segment__c', 'a0B1', { Priority__c: 20 }),
      deleteOp('Segment_Criterion__c', 'a0C9'),
    ]);
    expect(text).toBe(
      [
        'mutation segmentClone($op0: Segment__cCreateInput!, $op1: Segment_Criterion__cCreateInput!, $op2: Segment__cUpdateInput!, $op3: RecordDeleteInput!) {',
        '  uiapi(input: { allOrNone: true }) {',
        '    op0: Segment__cCreate(input: $op0) { Record { Id } }',
        '    op1: Segment_Criterion__cCreate(input: $op1) { Record { Id } }',
        '    op2: Segment__cUpdate(input: $op2) { success }',
        '    op3: Segment_Criterion__cDelete(input: $op3) { Id }',
        '  }',
        '}',
      ].join('\n'),
    );
    expect(text).not.toContain('Banks');
    expect(variables).toEqual({
      op0: { Segment__c: { Name: typed, Active__c: false } },
      op1: { Segment_Criterion__c: { Segment__c: '@{op0}', Value__c: typed } },
      op2: { Id: 'a0B1', Segment__c: { Priority__c: 20 } },
      op3: { Id: 'a0C9' },
    });
  });

  it('refuses an object name that is not an API name', () => {
    expect(() => buildMutation('x', [createOp('Segment__c) { Id } #', {})])).toThrow(
      /Not an API name/,
    );
  });

  it('sends everything in one request and answers the created ids', async () => {
    executeMutation.mockResolvedValue({
      data: { uiapi: { op0: { Record: { Id: 'a0BNEW' } }, op1: { success: true } } },
      errors: undefined,
    });
    const ids = await applyAll('w', [
      createOp('Segment__c', { Name: 'A' }),
      updateOp('Segment__c', 'a0B1', { Priority__c: 10 }),
    ]);
    expect(executeMutation).toHaveBeenCalledTimes(1);
    expect(executeMutation.mock.calls[0][0].operationName).toBe('w');
    expect(ids).toEqual({ 0: 'a0BNEW' });
  });

  it('rejects with the GraphQL errors when the platform refuses', async () => {
    const errors = [{ message: 'Value__c: data value too large' }];
    executeMutation.mockResolvedValue({ data: undefined, errors });
    const refused = applyAll('w', [deleteOp('Segment__c', 'a0B1')]);
    await expect(refused).rejects.toMatchObject({ errors });
    await expect(refused).rejects.toThrow('Value__c: data value too large');
  });

  it('does not call the server for nothing', async () => {
    expect(await applyAll('w', [])).toEqual({});
    expect(executeMutation).not.toHaveBeenCalled();
  });
});
