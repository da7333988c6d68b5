import { takeAnswer } from 'c/wireAnswer';

describe('c/wireAnswer', () => {
  const component = () => ({ errors: undefined, loaded: false, rows: [] });
  const readRows = (target) => (data) => {
    target.rows = data.rows;
  };

  it('changes nothing until the wire answers', () => {
    const target = component();
    expect(takeAnswer(target, { data: undefined, errors: undefined }, readRows(target))).toBe(
      'none',
    );
    expect(takeAnswer(target, undefined, readRows(target))).toBe('none');
    expect(target).toEqual({ errors: undefined, loaded: false, rows: [] });
  });

  it('reads the data and clears earlier errors', () => {
    const target = { ...component(), errors: [{ message: 'earlier' }] };
    expect(takeAnswer(target, { data: { rows: [1, 2] } }, readRows(target))).toBe('data');
    expect(target).toEqual({ errors: undefined, loaded: true, rows: [1, 2] });
  });

  it('lets errors win over a partial answer, which is not read', () => {
    const target = component();
    const errors = [{ message: 'no access to Theme__c' }];
    expect(takeAnswer(target, { data: { rows: [1] }, errors }, readRows(target))).toBe('errors');
    expect(target).toEqual({ errors, loaded: true, rows: [] });
  });

  it("takes a UI API adapter's error, into the fields named", () => {
    const target = { committeeErrors: undefined, committeeLoaded: false };
    const error = { status: 500 };
    takeAnswer(target, { error }, () => {}, {
      errors: 'committeeErrors',
      loaded: 'committeeLoaded',
    });
    expect(target).toEqual({ committeeErrors: error, committeeLoaded: true });
  });
});
