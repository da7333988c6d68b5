// Jest stand-in for lightning/modal, which sfdx-lwc-jest does not stub. A LightningModal
// subclass renders its lightning-modal-header/body/footer children like any component.
// close(result) dispatches a `modalclose` event whose detail is the result, so a test can
// listen on the element; tests mock `open` on the subclass they import.
// (No decorators here: this folder is outside the LWC lint scope and its parser.)
import { LightningElement } from 'lwc';

export default class LightningModal extends LightningElement {
  static open() {
    return Promise.resolve(undefined);
  }

  close(result) {
    this.dispatchEvent(new CustomEvent('modalclose', { detail: result }));
  }
}
