import { Interner } from '../../src/quorumOrg/compact';

describe('interning', () => {
  it('interns equal strings to one instance and leaves other values alone', () => {
    const i = new Interner();
    const a = ['001', 'x'].join('');
    const b = ['00', '1x'].join('');
    expect(i.intern(a)).toBe(i.intern(b));
    expect(i.intern(3)).toBe(3);
    expect(i.intern(null)).toBeNull();
  });
});
