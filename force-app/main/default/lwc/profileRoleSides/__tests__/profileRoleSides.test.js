import { createElement } from '@lwc/engine-dom';
import ProfileRoleSides from 'c/profileRoleSides';
import { DEFAULT_ROLE_SIDES } from 'c/quorumProfile';

jest.mock(
  '@salesforce/label/c.Quorum_Profile_RoleSidesChanged',
  () => ({ default: 'Changed (built-in: {0})' }),
  { virtual: true },
);

const flush = () => Promise.resolve();
const $$ = (element, selector) => [...element.shadowRoot.querySelectorAll(selector)];

function mount(overrides) {
  const element = createElement('c-profile-role-sides', { is: ProfileRoleSides });
  element.overrides = overrides;
  document.body.appendChild(element);
  return element;
}

describe('c-profile-role-sides', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
  });

  it('lists every role of the shared built-in map with its side to pick', () => {
    const element = mount({});
    const choices = $$(element, 'lightning-combobox.side-choice');
    expect(choices.map((c) => [c.dataset.role, c.value])).toEqual(
      Object.entries(DEFAULT_ROLE_SIDES),
    );
    expect(choices[0].options.map((o) => o.value)).toEqual([
      'Decision',
      'Influence',
      'Use',
      'Unknown',
    ]);
    // Each combobox is named by its role for screen readers, its label hidden (the row says it).
    expect(choices[0].label).toBe(choices[0].dataset.role);
    expect(choices[0].variant).toBe('label-hidden');
    expect(element.shadowRoot.querySelector('lightning-button.reset').disabled).toBe(true);
  });

  it("shows an override with the built-in side, and an org's own role", () => {
    const element = mount({ Influencer: 'Decision', 'Chief Architect': 'Influence' });
    const rows = $$(element, 'tr.role-row');
    const influencer = rows.find((row) => row.querySelector('th').textContent === 'Influencer');
    expect(influencer.classList).toContain('changed');
    expect(influencer.querySelector('.changed-note').textContent.trim()).toBe(
      'Changed (built-in: c.Quorum_Committee_SideInfluence)',
    );
    const own = rows.find((row) => row.querySelector('th').textContent === 'Chief Architect');
    expect(own.querySelector('lightning-combobox').value).toBe('Influence');
  });

  it('reports only the overrides: a role set back to its built-in side is dropped', async () => {
    const element = mount({ Influencer: 'Decision' });
    const changes = jest.fn();
    element.addEventListener('change', changes);
    const choice = (role) =>
      $$(element, 'lightning-combobox.side-choice').find((c) => c.dataset.role === role);
    choice('End User').dispatchEvent(new CustomEvent('change', { detail: { value: 'Influence' } }));
    expect(changes.mock.calls[0][0].detail.overrides).toEqual({
      Influencer: 'Decision',
      'End User': 'Influence',
    });
    choice('Influencer').dispatchEvent(
      new CustomEvent('change', { detail: { value: 'Influence' } }),
    );
    expect(changes.mock.calls[1][0].detail.overrides).toEqual({});
    element.shadowRoot.querySelector('lightning-button.reset').click();
    await flush();
    expect(changes.mock.calls[2][0].detail.overrides).toEqual({});
  });

  it('is accessible', async () => {
    const element = mount({ Influencer: 'Decision' });
    await expect(element).toBeAccessible();
  });
});
