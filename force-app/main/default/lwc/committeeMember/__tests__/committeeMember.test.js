import { createElement } from '@lwc/engine-dom';
import CommitteeMember from 'c/committeeMember';

const MEMBER = {
  id: 'a015g00000Mem02AAA',
  contactId: '0035g00000Ben02AAA',
  name: 'Ben Okafor',
  title: 'Head of Security',
  role: 'Technical Evaluator',
  roleLabel: 'Technical Evaluator',
  influence: 'High',
  influenceLabel: 'High',
  stance: 'Skeptic',
  stanceLabel: 'Skeptic',
  hasVeto: true,
  notes: 'Worried about SSO and audit logs.',
};
const OPTIONS = (values) => values.map((value) => ({ label: value, value }));

const flushPromises = () => new Promise((resolve) => setTimeout(resolve, 0));

function mount(props = {}) {
  const element = createElement('c-committee-member', { is: CommitteeMember });
  Object.assign(element, {
    member: MEMBER,
    roleOptions: OPTIONS(['Decision Maker', 'Technical Evaluator', 'End User']),
    influenceOptions: OPTIONS(['High', 'Medium', 'Low']),
    stanceOptions: OPTIONS(['Champion', 'Supporter', 'Neutral', 'Skeptic', 'Detractor']),
    ...props,
  });
  document.body.appendChild(element);
  return element;
}

const $ = (element, selector) => element.shadowRoot.querySelector(selector);

describe('c-committee-member', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
  });

  it('shows role, influence, stance, veto and note', () => {
    const element = mount();
    expect($(element, '.member-name').textContent).toContain('Ben Okafor');
    expect($(element, '.veto-badge').textContent).toBe('c.Quorum_Committee_VetoBadge');
    expect($(element, '.role').textContent).toBe('Technical Evaluator');
    expect($(element, '.influence').textContent).toBe('High');
    expect($(element, '.stance').textContent).toBe('Skeptic');
    expect($(element, '.note').textContent).toBe('Worried about SSO and audit logs.');
  });

  it('shows placeholders for blank values and no veto badge without a veto', () => {
    const element = mount({
      member: { ...MEMBER, roleLabel: null, stanceLabel: null, hasVeto: false, notes: null },
    });
    expect($(element, '.veto-badge')).toBeNull();
    expect($(element, '.role').textContent).toBe('c.Quorum_Common_NotSet');
    // No note: no row at all, rather than a "No note" that reads like a note.
    expect($(element, '.note')).toBeNull();
  });

  it('asks the parent to edit, then reports every edited field on save', async () => {
    const element = mount();
    const onEdit = jest.fn();
    const onSave = jest.fn();
    element.addEventListener('edit', onEdit);
    element.addEventListener('save', onSave);

    $(element, 'lightning-button-icon.edit').click();
    expect(onEdit.mock.calls[0][0].detail).toEqual({ id: MEMBER.id });

    element.editing = true;
    await flushPromises();
    const change = (key, detail) =>
      element.shadowRoot
        .querySelector(`[data-key="${key}"]`)
        .dispatchEvent(new CustomEvent('change', { detail }));
    change('stance', { value: 'Supporter' });
    change('notes', { value: '' });
    const veto = element.shadowRoot.querySelector('[data-key="hasVeto"]');
    veto.checked = false;
    veto.dispatchEvent(new CustomEvent('change', { detail: { checked: false } }));
    await flushPromises();

    $(element, 'lightning-button.save').click();
    expect(onSave.mock.calls[0][0].detail).toEqual({
      id: MEMBER.id,
      name: 'Ben Okafor',
      fields: {
        Role__c: 'Technical Evaluator',
        Influence__c: 'High',
        Stance__c: 'Supporter',
        Has_Veto__c: false,
        Notes__c: null,
      },
    });
  });

  it('asks to cancel and to remove', async () => {
    const element = mount();
    const onRemove = jest.fn();
    const onCancel = jest.fn();
    element.addEventListener('remove', onRemove);
    element.addEventListener('cancel', onCancel);
    $(element, 'lightning-button-icon.remove').click();
    expect(onRemove.mock.calls[0][0].detail).toEqual({ id: MEMBER.id, name: 'Ben Okafor' });

    element.editing = true;
    await flushPromises();
    $(element, 'lightning-button.cancel').click();
    expect(onCancel).toHaveBeenCalledTimes(1);
  });

  it('is accessible in read and edit modes', async () => {
    const element = mount();
    await expect(element).toBeAccessible();
    element.editing = true;
    await flushPromises();
    await expect(element).toBeAccessible();
  });
});
