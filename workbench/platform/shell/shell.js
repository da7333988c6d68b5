/**
 * The workbench page shell: mounts the page's components into their flexipage regions with the
 * record context a Lightning record page gives them (recordId, objectApiName), and shows
 * `lightning__showtoast` events as SLDS toasts in a live region, as Lightning Experience does.
 */
import { createElement } from 'lwc';

const kebab = (name) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

const TOAST_THEMES = { success: 'success', error: 'error', warning: 'warning', info: 'info' };

function showToast(event) {
  const detail = event.detail || {};
  const region = document.querySelector('[data-toasts]');
  if (!region) return;
  const variant = TOAST_THEMES[detail.variant] || 'info';
  const toast = document.createElement('div');
  toast.className = `slds-notify slds-notify_toast slds-theme_${variant}`;
  toast.style.color = variant === 'warning' ? '#181818' : '#fff';
  toast.setAttribute('data-toast', variant);
  const body = document.createElement('div');
  body.className = 'slds-notify__content';
  const title = document.createElement('h2');
  title.className = 'slds-text-heading_small';
  title.textContent = detail.title || '';
  const message = document.createElement('p');
  let text = detail.message || '';
  (detail.messageData || []).forEach((data, i) => {
    const label = data && typeof data === 'object' ? data.label || data.url || '' : String(data);
    text = text.replace(`{${i}}`, label);
  });
  message.textContent = text;
  body.append(title, message);
  toast.append(body);
  region.append(toast);
  setTimeout(() => toast.remove(), detail.mode === 'sticky' ? 60000 : 8000);
}

export function mount(registry) {
  const context = globalThis.__QUORUM_WORKBENCH__ || {};
  document.addEventListener('lightning__showtoast', showToast);
  for (const host of document.querySelectorAll('[data-component]')) {
    const name = host.getAttribute('data-component');
    const ctor = registry[name];
    if (!ctor) {
      host.textContent = `The workbench bundle has no component ${name}: run npm run workbench again.`;
      continue;
    }
    const element = createElement(`c-${kebab(name)}`, { is: ctor });
    if (context.recordId && 'recordId' in element) element.recordId = context.recordId;
    if (context.objectApiName && 'objectApiName' in element)
      element.objectApiName = context.objectApiName;
    host.appendChild(element);
  }
  document.documentElement.setAttribute('data-workbench-mounted', 'true');
}
