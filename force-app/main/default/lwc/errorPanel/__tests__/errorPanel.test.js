import { createElement } from '@lwc/engine-dom';
import ErrorPanel from 'c/errorPanel';

function mount(props) {
  const element = createElement('c-error-panel', { is: ErrorPanel });
  Object.assign(element, props);
  document.body.appendChild(element);
  return element;
}

describe('c-error-panel', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
  });

  it('shows the friendly message, and the default one when none is given', () => {
    const element = mount({ friendlyMessage: 'Could not load the committee' });
    expect(element.shadowRoot.querySelector('.friendly-message').textContent).toBe(
      'Could not load the committee',
    );

    const plain = mount({});
    expect(plain.shadowRoot.querySelector('.friendly-message').textContent).toBe(
      'c.Quorum_Error_Default',
    );
    // Without technical messages there is nothing to toggle
    expect(plain.shadowRoot.querySelector('.details-toggle')).toBeNull();
  });

  it('reveals and hides the reduced details on demand', async () => {
    const element = mount({
      friendlyMessage: 'Could not save',
      errors: {
        body: { output: { errors: [{ message: 'duplicate value found' }], fieldErrors: {} } },
      },
    });
    const toggle = element.shadowRoot.querySelector('.details-toggle');
    const details = element.shadowRoot.querySelector('.details');
    expect(details.hidden).toBe(true);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(toggle.textContent.trim()).toBe('c.Quorum_Error_ShowDetails');

    toggle.click();
    await Promise.resolve();
    expect(details.hidden).toBe(false);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(toggle.textContent.trim()).toBe('c.Quorum_Error_HideDetails');
    expect([...details.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'duplicate value found',
    ]);

    toggle.click();
    await Promise.resolve();
    expect(details.hidden).toBe(true);
  });

  it('is accessible', async () => {
    const element = mount({ errors: [new Error('boom')], friendlyMessage: 'Something failed' });
    element.shadowRoot.querySelector('.details-toggle').click();
    await Promise.resolve();
    await expect(element).toBeAccessible();
  });
});
