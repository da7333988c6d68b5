import { LightningElement, api } from 'lwc';
import { formatLabel } from 'c/ldsUtils';
import { summaryNumbers } from 'c/quorumProfile';
import { formatCurrency } from 'c/quorumFormat';
import SUMMARY_TITLE from '@salesforce/label/c.Quorum_Profile_SummaryTitle';
import SUMMARY_URGENCY from '@salesforce/label/c.Quorum_Profile_SummaryUrgency';
import SUMMARY_SIDE from '@salesforce/label/c.Quorum_Profile_SummarySide';
import SUMMARY_DECAY from '@salesforce/label/c.Quorum_Profile_SummaryDecay';
import SUMMARY_BLOCKER from '@salesforce/label/c.Quorum_Profile_SummaryBlocker';
import SUMMARY_REVENUE from '@salesforce/label/c.Quorum_Profile_SummaryRevenue';
import SUMMARY_VOICE from '@salesforce/label/c.Quorum_Profile_SummaryVoice';
import SUMMARY_QUORUM from '@salesforce/label/c.Quorum_Profile_SummaryQuorum';
import SUMMARY_BLOCKED from '@salesforce/label/c.Quorum_Profile_SummaryBlocked';

/**
 * What the scoring profile's weights mean, in sentences a sales-ops analyst can check against
 * intuition, recomputed as they type. While any number breaks its rule the sentences would
 * mislead, so it says to fix the numbers first instead.
 */
export default class ProfileSummary extends LightningElement {
  /** Field API name → value as typed (the editor's values). */
  @api values = {};
  /** True while a number breaks its rule (the editor checks them). */
  @api blocked = false;

  labels = { SUMMARY_TITLE, SUMMARY_BLOCKED };

  get lines() {
    if (this.blocked) {
      return [];
    }
    const n = summaryNumbers(this.values);
    const lines = [];
    if (n.criticalOverLow !== null) {
      lines.push(formatLabel(SUMMARY_URGENCY, n.criticalOverLow));
    }
    if (n.decisionOverUse !== null) {
      lines.push(formatLabel(SUMMARY_SIDE, n.decisionOverUse));
    }
    lines.push(formatLabel(SUMMARY_DECAY, n.halfLife, n.floorPercent));
    lines.push(formatLabel(SUMMARY_BLOCKER, n.blocker));
    lines.push(
      formatLabel(SUMMARY_REVENUE, n.revenueBoostPercent, formatCurrency(n.referenceRevenue)),
    );
    if (n.ordinaryAccountsToOutrank !== null) {
      lines.push(formatLabel(SUMMARY_VOICE, n.cap, n.ordinaryAccountsToOutrank));
    }
    lines.push(formatLabel(SUMMARY_QUORUM, n.quorum));
    return lines.map((text, index) => ({ key: String(index), text }));
  }
}
