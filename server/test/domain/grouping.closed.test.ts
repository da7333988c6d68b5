/**
 * New asks for a need the product already Delivered or Declined join that theme (it is then
 * "asked again after delivery / declining", unranked) instead of clustering into a new
 * Suggested theme that duplicates it and ranks as fresh open demand.
 */
import { groupThemes, type RequestRecord, type ThemeRecord } from '../../src/domain';
import { restateMatch, themeLabel } from '../../src/domain/themes/describe';
import { applyGrouping } from './world';

const r = (
  Id: string,
  Account__c: string,
  Name: string,
  extra: Partial<RequestRecord> = {},
): RequestRecord => ({ Id, Account__c, Name, Theme__c: null, ...extra });

const MFA: ThemeRecord = {
  Id: 'T_MFA',
  Name: 'Multi-factor authentication',
  Description__c: 'A second factor at login: authenticator apps and FIDO2 hardware keys.',
  Status__c: 'Delivered',
  Origin__c: 'Manual',
};
/** What people put in the MFA theme: its labelled examples. */
const labelled = [
  r('L1', 'A1', 'Enforce MFA for all users', {
    Theme__c: 'T_MFA',
    Description__c: 'Security requires a second factor (MFA) for every login.',
  }),
  r('L2', 'A2', 'Hardware key (FIDO2) MFA', {
    Theme__c: 'T_MFA',
    Description__c: 'Admins log in with FIDO2 hardware keys as their second factor.',
  }),
  r('L3', 'A3', 'Two-factor authentication with authenticator apps', {
    Theme__c: 'T_MFA',
    Description__c: 'MFA with an authenticator app as the second factor.',
  }),
];
/** Two accounts asking again: without the closed theme, a pattern of its own. */
const askedAgain = [
  r('U1', 'A4', 'MFA with FIDO2 hardware keys', {
    Description__c: 'Our admins must log in with a FIDO2 hardware key as second factor.',
  }),
  r('U2', 'A5', 'Enforce MFA at login', {
    Description__c:
      'Every user needs a second factor (MFA) at login, FIDO2 keys or an authenticator app.',
  }),
];
const unrelated = [
  r('U8', 'A6', 'Export the pipeline report to Excel'),
  r('U9', 'A7', 'Gantt chart of implementation tasks'),
];
const requests = [...labelled, ...askedAgain, ...unrelated];
/** A suggestion of an earlier run that duplicates the MFA theme. */
const suggested: ThemeRecord = {
  Id: 'T_S',
  Name: 'MFA, FIDO2, hardware',
  Status__c: 'Suggested',
  Origin__c: 'Suggested',
  Theme_Key__c: 'sugg-x',
};

describe('grouping attaches new asks to Delivered and Declined themes', () => {
  it.each(['Delivered', 'Declined'])(
    'a request like a %s theme joins it, says so, and no suggestion duplicates it',
    (status) => {
      const theme = { ...MFA, Status__c: status };
      const out = groupThemes({ requests, themes: [theme] });
      expect(out.attachments.get('U1')).toBe('T_MFA');
      expect(out.attachments.get('U2')).toBe('T_MFA');
      expect(out.reasons.get('U1')).toMatch(
        new RegExp(
          `^matches "Multi-factor authentication" \\(${status}\\): shares .*FIDO2.* with \\d of its requests$`,
        ),
      );
      expect(out.suggestions).toEqual([]);
      // Unrelated requests stay out of it.
      expect(out.attachments.has('U8')).toBe(false);
      expect(out.attachments.has('U9')).toBe(false);
    },
  );

  it('without the closed theme, the same requests would be a new suggestion (the old duplicate)', () => {
    const out = groupThemes({ requests, themes: [{ ...MFA, Status__c: 'Suggested' }] });
    expect(out.attachments.size).toBe(0);
    expect(out.suggestions.map((s) => s.requestIds)).toEqual([['U1', 'U2']]);
  });

  it('an open theme reads as before: its name only', () => {
    const out = groupThemes({ requests, themes: [{ ...MFA, Status__c: 'Open' }] });
    expect(out.attachments.get('U1')).toBe('T_MFA');
    expect(out.reasons.get('U1')).toMatch(/^matches "Multi-factor authentication": shares /);
  });

  it('never attaches to a Suggested theme, even one people put requests in', () => {
    const out = groupThemes({
      requests: requests.map((x) => (x.Theme__c ? { ...x, Theme__c: 'T_S' } : x)),
      themes: [suggested],
    });
    expect(out.attachments.size).toBe(0);
  });

  it('follows the merge chain to its end and names that theme', () => {
    const themes: ThemeRecord[] = [
      { ...MFA, Status__c: 'Delivered', Merged_Into__c: 'T_SEC' },
      { Id: 'T_SEC', Name: 'Stronger login security', Status__c: 'Declined' },
    ];
    const out = groupThemes({ requests, themes });
    expect(out.attachments.get('U1')).toBe('T_SEC');
    expect(out.reasons.get('U1')).toMatch(/^matches "Stronger login security" \(Declined\): /);
    expect(out.suggestions).toEqual([]);
  });

  it('keeps a request moved off a suggestion into a Delivered theme from pulling the others in', () => {
    const moved = [
      ...labelled,
      ...unrelated,
      r('M1', 'A4', 'Hardware security key (FIDO2) MFA for admins', {
        Theme__c: 'T_MFA',
        Suggested_Theme__c: 'T_S',
      }),
      r('M2', 'A5', 'Enforce MFA with FIDO2 hardware keys', { Suggested_Theme__c: 'T_S' }),
      r('M3', 'A6', 'FIDO2 hardware keys to enforce MFA', { Suggested_Theme__c: 'T_S' }),
    ];
    const out = groupThemes({ requests: moved, themes: [MFA, suggested] });
    expect(out.attachments.has('M2')).toBe(false);
    expect(out.attachments.has('M3')).toBe(false);
    // Put there without leaving a suggestion, the same request does pull them in.
    const plain = moved.map((x) => (x.Id === 'M1' ? { ...x, Suggested_Theme__c: null } : x));
    expect(groupThemes({ requests: plain, themes: [MFA, suggested] }).attachments.get('M2')).toBe(
      'T_MFA',
    );
  });

  describe('over its own output', () => {
    const start = { requests, themes: [MFA] };
    const once = applyGrouping(start, groupThemes(start));

    it('a second run changes no attachment and no reason', () => {
      const again = groupThemes(once);
      expect(again.suggestions).toEqual([]);
      const twice = applyGrouping(once, again);
      expect(twice).toEqual(once);
      expect(once.requests.find((x) => x.Id === 'U1')?.Suggestion_Reason__c).toContain(
        '(Delivered)',
      );
    });

    it('a theme delivered after the attachment keeps its requests, and their reason says so', () => {
      const open = applyGrouping(
        start,
        groupThemes({ ...start, themes: [{ ...MFA, Status__c: 'Open' }] }),
      );
      const before = open.requests.find((x) => x.Id === 'U1')?.Suggestion_Reason__c as string;
      expect(before).toMatch(/^matches "Multi-factor authentication": /);
      const delivered = groupThemes({ requests: open.requests, themes: [MFA] });
      expect(delivered.attachments.get('U1')).toBe('T_MFA');
      expect(delivered.reasons.get('U1')).toBe(
        before.replace(
          '"Multi-factor authentication"',
          '"Multi-factor authentication" (Delivered)',
        ),
      );
      // Reopened: the status goes from the reason again.
      const reopened = groupThemes({
        requests: applyGrouping({ requests: open.requests, themes: [MFA] }, delivered).requests,
        themes: [{ ...MFA, Status__c: 'Open' }],
      });
      expect(reopened.reasons.get('U1')).toBe(before);
    });

    it('a suggestion merged into a Declined theme, or accepted then declined, stays there', () => {
      const mergedIntoMfa: ThemeRecord = { ...suggested, Merged_Into__c: 'T_MFA' };
      const pinned = requests.map((x) => (x.Theme__c ? x : { ...x, Suggested_Theme__c: 'T_S' }));
      const merged = groupThemes({
        requests: pinned,
        themes: [{ ...MFA, Status__c: 'Declined' }, mergedIntoMfa],
      });
      expect([...merged.attachments.values()]).toEqual(['T_MFA', 'T_MFA', 'T_MFA', 'T_MFA']);
      expect(merged.reasons.get('U8')).toBe(
        '"MFA, FIDO2, hardware" was merged into "Multi-factor authentication" (Declined) by a person',
      );
      const accepted = groupThemes({
        requests: pinned,
        themes: [{ ...suggested, Status__c: 'Declined' }],
      });
      expect(accepted.attachments.get('U9')).toBe('T_S');
      expect(accepted.reasons.get('U9')).toBe(
        'in "MFA, FIDO2, hardware" (Declined), a suggestion a person accepted',
      );
      expect(accepted.suggestions).toEqual([]);
    });
  });
});

describe('reason wording for closed themes', () => {
  it('labels only Delivered and Declined themes with their status', () => {
    expect(themeLabel('Dark mode', 'Declined')).toBe('"Dark mode" (Declined)');
    expect(themeLabel('Dark mode', 'Delivered')).toBe('"Dark mode" (Delivered)');
    expect(themeLabel('Dark mode', 'Planned')).toBe('"Dark mode"');
    expect(themeLabel('Dark mode', null)).toBe('"Dark mode"');
  });

  it('restates an earlier match with the current status and keeps other wording', () => {
    expect(restateMatch(undefined, 'Dark mode', 'Declined')).toBe('matches "Dark mode" (Declined)');
    expect(restateMatch('matches "Dark mode": shares dark', 'Dark mode', 'Declined')).toBe(
      'matches "Dark mode" (Declined): shares dark',
    );
    expect(restateMatch('matches "Dark mode" (Declined): shares dark', 'Dark mode', 'Open')).toBe(
      'matches "Dark mode": shares dark',
    );
    expect(restateMatch('matches "Old name": shares dark', 'Dark mode', 'Declined')).toBe(
      'matches "Old name": shares dark',
    );
  });

  it('stays within Suggestion_Reason__c and is stable once cut', () => {
    const long = `matches "Dark mode": shares ${'x'.repeat(240)}`;
    const once = restateMatch(long, 'Dark mode', 'Delivered');
    expect(once.length).toBe(255);
    expect(once.startsWith('matches "Dark mode" (Delivered): shares xxx')).toBe(true);
    expect(restateMatch(once, 'Dark mode', 'Delivered')).toBe(once);
  });
});
