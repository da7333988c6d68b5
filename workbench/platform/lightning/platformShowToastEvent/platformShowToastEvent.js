/**
 * Stand-in for `lightning/platformShowToastEvent`: the same event (`lightning__showtoast`,
 * bubbling and composed); the workbench shell shows it as an SLDS toast, as Lightning would.
 */
export class ShowToastEvent extends CustomEvent {
  constructor(detail) {
    super('lightning__showtoast', { bubbles: true, composed: true, cancelable: true, detail });
  }
}
