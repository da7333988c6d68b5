import {
  reduceErrors,
  fieldErrorsOf,
  errorCodesOf,
  formatLabel,
  errorMessage,
  failureToast,
} from 'c/ldsUtils';

describe('c/ldsUtils reduceErrors', () => {
  it('returns an empty list for nothing', () => {
    expect(reduceErrors(undefined)).toEqual([]);
    expect(reduceErrors([null, undefined])).toEqual([]);
  });

  it('reads UI API read errors (body is an array)', () => {
    const error = {
      status: 404,
      body: [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }],
    };
    expect(reduceErrors(error)).toEqual(['The requested resource does not exist']);
  });

  it('reads record-level and field-level errors of a UI API write', () => {
    const error = {
      status: 400,
      body: {
        message: 'An error occurred while trying to update the record. Please try again.',
        output: {
          errors: [{ errorCode: 'DUPLICATE_VALUE', message: 'duplicate value found' }],
          fieldErrors: {
            Needed_By__c: [
              {
                errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
                message: 'Must be in the future',
                field: 'Needed_By__c',
              },
            ],
          },
        },
      },
    };
    expect(reduceErrors(error)).toEqual(['duplicate value found', 'Must be in the future']);
  });

  it('falls back to the body message when the write has no details', () => {
    expect(reduceErrors({ body: { message: 'Server down', output: {} } })).toEqual(['Server down']);
  });

  it('reads legacy pageErrors and fieldErrors', () => {
    const error = {
      body: {
        pageErrors: [{ message: 'Page problem' }],
        fieldErrors: { Name: [{ message: 'Name problem' }] },
      },
    };
    expect(reduceErrors(error)).toEqual(['Page problem', 'Name problem']);
  });

  it('reads GraphQL error arrays and results carrying errors', () => {
    const graphqlErrors = [
      { message: 'Validation error of type FieldUndefined', locations: [], paths: [] },
      { message: 'Second problem' },
    ];
    expect(reduceErrors(graphqlErrors)).toEqual([
      'Validation error of type FieldUndefined',
      'Second problem',
    ]);
    expect(reduceErrors({ errors: [{ message: 'From a mutation' }] })).toEqual(['From a mutation']);
  });

  it('reads JavaScript errors, strings and HTTP status text, without duplicates', () => {
    expect(reduceErrors([new TypeError('x is undefined'), 'plain text', 'plain text'])).toEqual([
      'x is undefined',
      'plain text',
    ]);
    expect(reduceErrors({ status: 503, statusText: 'Service Unavailable' })).toEqual([
      'Service Unavailable',
    ]);
  });
});

describe('c/ldsUtils fieldErrorsOf', () => {
  it('maps field errors of a UI API write by field API name', () => {
    const error = {
      body: {
        output: {
          errors: [
            {
              errorCode: 'REQUIRED_FIELD_MISSING',
              message: 'Required fields are missing: [Account__c]',
              fields: ['Account__c'],
            },
          ],
          fieldErrors: {
            Revenue_At_Stake__c: [{ message: 'Must be positive' }, { message: 'Too large' }],
          },
        },
      },
    };
    expect(fieldErrorsOf(error)).toEqual({
      Revenue_At_Stake__c: 'Must be positive Too large',
      Account__c: 'Required fields are missing: [Account__c]',
    });
  });

  it('returns an empty map for errors without fields', () => {
    expect(fieldErrorsOf(new Error('boom'))).toEqual({});
    expect(fieldErrorsOf(undefined)).toEqual({});
  });
});

describe('c/ldsUtils errorCodesOf', () => {
  it('finds codes in output errors, field errors, arrays and GraphQL extensions', () => {
    expect(
      errorCodesOf({
        body: { output: { errors: [{ errorCode: 'DUPLICATE_VALUE', message: 'dup' }] } },
      }),
    ).toEqual(['DUPLICATE_VALUE']);
    expect(
      errorCodesOf({
        body: { output: { errors: [], fieldErrors: { X__c: [{ errorCode: 'INVALID_TYPE' }] } } },
      }),
    ).toEqual(['INVALID_TYPE']);
    expect(errorCodesOf({ body: [{ errorCode: 'NOT_FOUND' }] })).toEqual(['NOT_FOUND']);
    expect(
      errorCodesOf({ errors: [{ message: 'm', extensions: { errorCode: 'DUPLICATE_VALUE' } }] }),
    ).toEqual(['DUPLICATE_VALUE']);
    expect(errorCodesOf('text')).toEqual([]);
  });
});

describe('c/ldsUtils formatLabel', () => {
  it('fills numbered placeholders and blanks missing ones', () => {
    expect(formatLabel('Asked by {0} accounts in {1}', 6, 'Banks')).toBe(
      'Asked by 6 accounts in Banks',
    );
    expect(formatLabel('{1} then {0} and {2}', 'a', 'b')).toBe('b then a and ');
  });
});

describe('picklistOptions', () => {
  it('turns a wired getPicklistValues result into combobox options, [] before data', () => {
    const { picklistOptions } = require('c/ldsUtils');
    expect(picklistOptions(undefined)).toEqual([]);
    expect(picklistOptions({ data: undefined, error: { status: 500 } })).toEqual([]);
    expect(
      picklistOptions({
        data: { values: [{ label: '高', value: 'High', validFor: [], attributes: null }] },
      }),
    ).toEqual([{ label: '高', value: 'High' }]);
  });
});

describe('c/ldsUtils failure messages', () => {
  const twoErrors = {
    body: {
      output: {
        errors: [{ message: 'Insufficient access' }],
        fieldErrors: { Name: [{ message: 'Name: data value too large' }] },
      },
    },
  };

  it('puts every distinct message on one line', () => {
    const line = errorMessage(twoErrors);
    expect(line.split(', ').sort()).toEqual(['Insufficient access', 'Name: data value too large']);
    expect(errorMessage([{ message: 'same' }, { message: 'same' }])).toBe('same');
  });

  it('toasts a failed write with its title and what the org said', () => {
    const toast = failureToast('Could not save', { body: { message: 'Insufficient access' } });
    expect(toast.type).toBe('lightning__showtoast');
    expect(toast.detail).toEqual({
      title: 'Could not save',
      message: 'Insufficient access',
      variant: 'error',
    });
  });
});
