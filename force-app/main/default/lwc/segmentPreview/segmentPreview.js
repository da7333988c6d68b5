import { LightningElement, api, wire } from 'lwc';
import { gql, graphql } from 'lightning/graphql';
import { formatLabel } from 'c/ldsUtils';
import MATCHES from '@salesforce/label/c.Quorum_Segment_PreviewMatches';
import COUNTING from '@salesforce/label/c.Quorum_Segment_PreviewCounting';
import INVALID from '@salesforce/label/c.Quorum_Segment_PreviewInvalid';
import PREVIEW_ERROR from '@salesforce/label/c.Quorum_Segment_PreviewError';
import VISIBLE_NOTE from '@salesforce/label/c.Quorum_Segment_PreviewVisibleNote';

/**
 * Live count of the accounts a rule matches. The `where` object built from the criteria is the
 * query's only input and travels as a GraphQL variable, so a typed value never becomes query text.
 * The count is of accounts the viewing user can see; the service counts all accounts.
 */
export default class SegmentPreview extends LightningElement {
  /** The where object (null = every account). A new rule shows "counting" until answered. */
  @api
  get where() {
    return this._where;
  }
  set where(value) {
    this._where = value;
    this.pending = true;
  }
  _where = null;
  /** False while the rule has problems: nothing is counted then. */
  @api valid = false;

  labels = { COUNTING, INVALID, PREVIEW_ERROR, VISIBLE_NOTE };
  count;
  errors;
  pending = true;

  get variables() {
    if (!this.valid) {
      return undefined;
    }
    // A fresh object per change so the wire re-queries whenever the rule changes.
    return { where: this._where || null };
  }

  @wire(graphql, {
    query: gql`
      query segmentPreview($where: Account_Filter) {
        uiapi {
          query {
            Account(where: $where, first: 1) {
              totalCount
            }
          }
        }
      }
    `,
    variables: '$variables',
  })
  wiredCount({ data, errors }) {
    if (errors) {
      this.errors = errors;
      this.pending = false;
    } else if (data) {
      this.errors = undefined;
      this.count = data.uiapi.query.Account.totalCount;
      this.pending = false;
    }
  }

  get showInvalid() {
    return !this.valid;
  }

  get showCounting() {
    return this.valid && this.pending && !this.errors;
  }

  get matchesText() {
    return formatLabel(MATCHES, this.count);
  }
}
