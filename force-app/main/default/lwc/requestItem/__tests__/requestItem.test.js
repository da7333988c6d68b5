import { createElement } from '@lwc/engine-dom';
import RequestItem from 'c/requestItem';

jest.mock(
  '@salesforce/label/c.Quorum_Requests_SuggestedTheme',
  () => ({ default: 'Suggested: {0}' }),
  { virtual: true },
);
jest.mock(
  '@salesforce/label/c.Quorum_Requests_SuggestionReason',
  () => ({ default: 'Why suggested: {0}' }),
  { virtual: true },
);
jest.mock(
  '@salesforce/label/c.Quorum_Requests_MatchedDelivered',
  () => ({ default: 'Quorum matched this to {0}, already delivered: tell the customer.' }),
  { virtual: true },
);
jest.mock(
  '@salesforce/label/c.Quorum_Requests_MatchedDeclined',
  () => ({ default: 'Quorum matched this to {0}, which the product team declined.' }),
  { virtual: true },
);
jest.mock('@salesforce/label/c.Quorum_Requests_EditAria', () => ({ default: 'Edit request {0}' }), {
  virtual: true,
});

const REQUEST = {
  id: 'a025g00000Req01AAA',
  name: 'SSO with Okta for 4,000 agents',
  status: 'Under Review',
  urgency: 'Critical',
  urgencyLabel: 'Critical',
  neededBy: '2026-12-15',
  themeId: 'a035g00000Thm01AAA',
  themeName: 'Single sign-on (SAML/OIDC)',
  suggestedThemeName: null,
  dealBlocker: true,
  signalText: 'Asked by 7 accounts in EMEA Banks, rank 1, score 12.3',
  signalBadge: 'Pattern',
  signalKind: 'pattern',
};

function mount(request) {
  const element = createElement('c-request-item', { is: RequestItem });
  element.request = request;
  document.body.appendChild(element);
  return element;
}
const $ = (element, selector) => element.shadowRoot.querySelector(selector);

describe('c-request-item', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
  });

  it('shows the request with its signal', () => {
    const element = mount(REQUEST);
    expect($(element, '.request-name').textContent).toBe('SSO with Okta for 4,000 agents');
    expect($(element, '.status').textContent).toBe('Under Review');
    expect($(element, '.urgency').textContent).toBe('Critical');
    expect($(element, '.urgency').classList).toContain('slds-text-color_error');
    expect($(element, 'lightning-formatted-date-time').value).toBe('2026-12-15');
    expect($(element, '.theme').textContent).toBe('Single sign-on (SAML/OIDC)');
    expect($(element, '.deal-blocker')).not.toBeNull();
    expect($(element, '.signal-badge').textContent).toBe('Pattern');
    expect($(element, '.signal-badge').classList).toContain('slds-theme_success');
    expect($(element, '.signal-text').textContent).toBe(
      'Asked by 7 accounts in EMEA Banks, rank 1, score 12.3',
    );
    expect($(element, 'lightning-button-icon.edit').alternativeText).toBe(
      'Edit request SSO with Okta for 4,000 agents',
    );
  });

  it('shows the suggested theme of an unthemed request, and no signal', () => {
    const element = mount({
      ...REQUEST,
      themeId: null,
      themeName: null,
      suggestedThemeName: 'EU data residency',
      neededBy: null,
      dealBlocker: false,
      urgency: 'Low',
      urgencyLabel: 'Low',
      signalText: null,
      signalBadge: null,
      signalKind: null,
    });
    expect($(element, '.theme').textContent).toBe('Suggested: EU data residency');
    expect($(element, '.needed-by').textContent).toBe('c.Quorum_Common_NotSet');
    expect($(element, '.deal-blocker')).toBeNull();
    expect($(element, '.signal')).toBeNull();
    expect($(element, '.urgency').classList).not.toContain('slds-text-color_error');
  });

  it('says why the service suggested the theme, only while the suggestion stands', () => {
    const suggested = {
      ...REQUEST,
      themeName: null,
      suggestedThemeName: 'EU data residency',
      suggestionReason: 'shares: EU, 数据 with 3 requests',
    };
    expect($(mount(suggested), '.suggestion-reason').textContent).toBe(
      'Why suggested: shares: EU, 数据 with 3 requests',
    );
    expect(
      $(mount({ ...suggested, themeName: 'Data residency' }), '.suggestion-reason'),
    ).toBeNull();
  });

  it('flags a request on a delivered theme to its account team', () => {
    const element = mount({ ...REQUEST, alreadyDelivered: true });
    expect($(element, '.already-delivered').textContent).toContain(
      'c.Quorum_Requests_AlreadyDelivered',
    );
    expect($(mount(REQUEST), '.already-delivered')).toBeNull();
  });

  it('tells the account team when Quorum matched the request to a Delivered or Declined theme', () => {
    const matched = {
      ...REQUEST,
      themeId: null,
      themeName: null,
      suggestedThemeName: 'Multi-factor authentication',
      suggestionReason: 'matches "Multi-factor authentication" (Delivered): shares FIDO2',
    };
    const delivered = mount({ ...matched, matchedDelivered: true });
    const note = $(delivered, '.already-delivered');
    expect(note.getAttribute('role')).toBe('note');
    expect(note.textContent.trim()).toBe(
      'Quorum matched this to Multi-factor authentication, already delivered: tell the customer.',
    );
    expect($(delivered, '.already-declined')).toBeNull();
    // The theme and the reason stay as for any suggestion.
    expect($(delivered, '.theme').textContent).toBe('Suggested: Multi-factor authentication');
    expect($(delivered, '.suggestion-reason')).not.toBeNull();
    const declined = mount({
      ...matched,
      suggestedThemeName: 'Microsoft Teams integration',
      matchedDeclined: true,
    });
    expect($(declined, '.already-declined').textContent.trim()).toBe(
      'Quorum matched this to Microsoft Teams integration, which the product team declined.',
    );
    expect($(declined, '.already-delivered')).toBeNull();
    expect($(mount(matched), '[role="note"]')).toBeNull();
  });

  it('shows who asked, when, and the revenue at stake with thousands separators', () => {
    const element = mount({
      ...REQUEST,
      requesterName: 'Ben Okafor',
      revenue: 1250000,
      askedOn: '2026-11-18',
    });
    expect($(element, '.requester').textContent).toBe('Ben Okafor');
    expect($(element, '.revenue').textContent).toBe('$1,250,000');
    expect($(element, '.asked-on lightning-formatted-date-time').value).toBe('2026-11-18');
    // Without them the rows are left out rather than shown blank.
    const bare = mount(REQUEST);
    expect($(bare, '.requester')).toBeNull();
    expect($(bare, '.revenue')).toBeNull();
  });

  it('lays facts out as label/value pairs, one per row (no inline run-on in a 414 px sidebar)', () => {
    const element = mount(REQUEST);
    const facts = $(element, 'dl.facts');
    expect(facts.classList).not.toContain('slds-list_inline');
    const terms = [...facts.children].map((child) => child.tagName);
    // dt, dd alternate: every value sits in the grid's value column next to its own label.
    terms.forEach((tag, index) => expect(tag).toBe(index % 2 === 0 ? 'DT' : 'DD'));
    // Labels are not followed by a colon typed into the template.
    expect(facts.querySelector('dt').textContent).toBe('c.Quorum_Requests_ColStatus');
  });

  it('shows "no theme yet" without theme or suggestion', () => {
    const element = mount({ ...REQUEST, themeName: null, suggestedThemeName: null });
    expect($(element, '.theme').textContent).toBe('c.Quorum_Requests_NoTheme');
  });

  it('asks its parent to edit it', () => {
    const element = mount(REQUEST);
    const onEdit = jest.fn();
    element.addEventListener('edit', onEdit);
    $(element, 'lightning-button-icon.edit').click();
    expect(onEdit.mock.calls[0][0].detail).toEqual({ id: 'a025g00000Req01AAA' });
  });

  it('is accessible', async () => {
    const element = mount(REQUEST);
    await expect(element).toBeAccessible();
  });
});
