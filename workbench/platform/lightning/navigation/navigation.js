/**
 * Stand-in for `lightning/navigation` (the base components' one needs Lightning Experience's
 * `force/navigation`). NavigationMixin turns page references into the URLs Lightning uses
 * (`/lightning/r/<object>/<id>/view`, `/lightning/o/<object>/home`); the workbench server opens
 * Opportunity and Account record pages as its own pages and shows a placeholder for others.
 * `CurrentPageReference` provisions the workbench page's reference.
 *
 * For the browser tests it records what it was asked: `__QUORUM_NAVIGATIONS__` (page references
 * navigated to) and `__QUORUM_GENERATED_URLS__` (`{ url, pageRef }` for each URL generated), so a
 * test can tell a link the platform made from one built by hand.
 */
const state = () => globalThis.__QUORUM_WORKBENCH__ || {};

function urlFor(pageRef) {
  const attrs = (pageRef && pageRef.attributes) || {};
  const query = state().query || '';
  if (pageRef && pageRef.type === 'standard__recordPage') {
    // A reference may leave out the object: Lightning finds it from the Id.
    const object = attrs.objectApiName || 'record';
    return `/lightning/r/${object}/${attrs.recordId}/${attrs.actionName || 'view'}${query}`;
  }
  if (pageRef && pageRef.type === 'standard__objectPage')
    return `/lightning/o/${attrs.objectApiName}/${attrs.actionName || 'home'}${query}`;
  if (pageRef && pageRef.type === 'standard__webPage') return attrs.url;
  return '#';
}

function remember(key, entry) {
  globalThis[key] = [...(globalThis[key] || []), entry];
}

const Navigate = Symbol('Navigate');
const GenerateUrl = Symbol('GenerateUrl');

export function NavigationMixin(Base) {
  return class extends Base {
    [Navigate](pageRef, replace) {
      const url = urlFor(pageRef);
      remember('__QUORUM_NAVIGATIONS__', pageRef);
      if (url.startsWith('#')) window.location.hash = url.slice(1);
      else if (replace) window.location.replace(url);
      else window.location.assign(url);
    }

    [GenerateUrl](pageRef) {
      const url = urlFor(pageRef);
      remember('__QUORUM_GENERATED_URLS__', { url, pageRef });
      return Promise.resolve(url);
    }
  };
}
NavigationMixin.Navigate = Navigate;
NavigationMixin.GenerateUrl = GenerateUrl;

export class CurrentPageReference {
  constructor(callback) {
    this.callback = callback;
  }

  update() {}

  connect() {
    const s = state();
    this.callback(
      s.recordId
        ? {
            type: 'standard__recordPage',
            attributes: {
              recordId: s.recordId,
              objectApiName: s.objectApiName,
              actionName: 'view',
            },
            state: {},
          }
        : {
            type: 'standard__navItemPage',
            attributes: { apiName: s.page ? s.page.slug : '' },
            state: {},
          },
    );
  }

  disconnect() {}
}
