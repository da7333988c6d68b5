/**
 * Stand-in for `lightning/navigation` (the base components' one needs Lightning Experience's
 * `force/navigation`). NavigationMixin turns page references into workbench URLs:
 * record pages of Opportunity and Account open the workbench's own pages, other records and
 * objects a plain `#` anchor; `CurrentPageReference` provisions the workbench page's reference.
 */
const state = () => globalThis.__QUORUM_WORKBENCH__ || {};

function urlFor(pageRef) {
  const attrs = (pageRef && pageRef.attributes) || {};
  if (pageRef && pageRef.type === 'standard__recordPage') {
    const object = (attrs.objectApiName || '').toLowerCase();
    if (object === 'opportunity' || object === 'account')
      return `/${object}/${attrs.recordId}${state().query || ''}`;
    return `#/r/${attrs.objectApiName || 'record'}/${attrs.recordId}`;
  }
  if (pageRef && pageRef.type === 'standard__objectPage')
    return `#/o/${attrs.objectApiName}/${attrs.actionName || 'home'}`;
  if (pageRef && pageRef.type === 'standard__webPage') return attrs.url;
  return '#';
}

const Navigate = Symbol('Navigate');
const GenerateUrl = Symbol('GenerateUrl');

export function NavigationMixin(Base) {
  return class extends Base {
    [Navigate](pageRef, replace) {
      const url = urlFor(pageRef);
      globalThis.__QUORUM_NAVIGATIONS__ = [...(globalThis.__QUORUM_NAVIGATIONS__ || []), pageRef];
      if (url.startsWith('#')) window.location.hash = url.slice(1);
      else if (replace) window.location.replace(url);
      else window.location.assign(url);
    }

    [GenerateUrl](pageRef) {
      return Promise.resolve(urlFor(pageRef));
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
