import { LightningElement, api, wire } from 'lwc';
import { gql, graphql } from 'lightning/graphql';
import { formatLabel } from 'c/ldsUtils';
import { queryNodes } from 'c/graphqlNodes';
import { takeAnswer } from 'c/wireAnswer';
import {
  describeMonths,
  endsOf,
  HEIGHT,
  MONTHS_SHOWN,
  monthlyScores,
  pointsOf,
  WIDTH,
} from './sparkline';
import TITLE from '@salesforce/label/c.Quorum_Demand_TrendTitle';
import ALT from '@salesforce/label/c.Quorum_Demand_TrendAlt';
import SPAN from '@salesforce/label/c.Quorum_Demand_TrendSpan';
import EMPTY from '@salesforce/label/c.Quorum_Demand_TrendEmpty';
import CHANGE from '@salesforce/label/c.Quorum_Demand_Trend90d';
import LOADING from '@salesforce/label/c.Quorum_Demand_Loading';
import LOAD_ERROR from '@salesforce/label/c.Quorum_Demand_LoadError';

/**
 * "Is this demand growing?" for the selected theme: a sparkline of its score month by month,
 * from the Segment_Demand_History__c rows of its score key (read with the viewer's sharing),
 * beside the 90-day change (▲/▼) the ranked table shows. The drawing is an inline SVG whose
 * text alternative names every month's score; with fewer than two months there is no line to
 * draw, and it says so.
 */
export default class DemandTrend extends LightningElement {
  /** Score_Key__c of the selected score: its history rows share it. */
  @api scoreKey;
  /** The 90-day change as the ranked table shows it (utility icon, its word, the figures). */
  @api trendIcon;
  @api trendWord;
  @api trendText;

  labels = { TITLE, EMPTY, LOADING, LOAD_ERROR };
  viewBox = `0 0 ${WIDTH} ${HEIGHT}`;
  months = [];
  errors;
  loaded = false;

  get variables() {
    // The key goes in variables, never into the query text.
    return this.scoreKey ? { scoreKey: this.scoreKey, first: MONTHS_SHOWN } : undefined;
  }

  // The latest months first (a year of rows is at least a year of months), put in order below.
  @wire(graphql, {
    query: gql`
      query demandTrend($scoreKey: String, $first: Int) {
        uiapi {
          query {
            Segment_Demand_History__c(
              where: { Score_Key__c: { eq: $scoreKey } }
              orderBy: { Month__c: { order: DESC } }
              first: $first
            ) {
              edges {
                node {
                  Id
                  Month__c {
                    value
                  }
                  Score__c {
                    value
                  }
                }
              }
            }
          }
        }
      }
    `,
    variables: '$variables',
  })
  wiredHistory(result) {
    takeAnswer(this, result, (data) => {
      this.months = monthlyScores(queryNodes(data, 'Segment_Demand_History__c'));
    });
  }

  get isLoading() {
    return !this.loaded;
  }

  get hasLine() {
    return this.months.length >= 2;
  }

  get points() {
    return pointsOf(this.months)
      .map((p) => `${p.x},${p.y}`)
      .join(' ');
  }

  /** The latest month, drawn as a dot: where the demand stands now. */
  get last() {
    const all = pointsOf(this.months);
    return all[all.length - 1] || { x: 0, y: 0 };
  }

  /** "Score by month: Jul 4.20, Aug 5.00, Sep 6.10" for screen readers. */
  get altText() {
    return formatLabel(ALT, describeMonths(this.months));
  }

  /** "Mar 2026 2.00 → Jul 2026 1.25" under the line (the alternative text says every month). */
  get spanText() {
    const { from, to } = endsOf(this.months);
    return formatLabel(SPAN, from, to);
  }

  get changeText() {
    return this.trendText ? formatLabel(CHANGE, this.trendText) : '';
  }
}
