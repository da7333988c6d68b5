// Custom labels of the escalated requests list, in one place so templates read labels.x.
import loading from '@salesforce/label/c.Quorum_Common_Loading';
import saved from '@salesforce/label/c.Quorum_Common_Saved';
import allAccounts from '@salesforce/label/c.Quorum_Requests_AllAccounts';
import closed from '@salesforce/label/c.Quorum_Requests_Closed';
import created from '@salesforce/label/c.Quorum_Requests_Created';
import editTitle from '@salesforce/label/c.Quorum_Requests_EditTitle';
import emerging from '@salesforce/label/c.Quorum_Requests_Emerging';
import empty from '@salesforce/label/c.Quorum_Requests_Empty';
import loadError from '@salesforce/label/c.Quorum_Requests_LoadError';
import newRequest from '@salesforce/label/c.Quorum_Requests_New';
import newTitle from '@salesforce/label/c.Quorum_Requests_NewTitle';
import noAccount from '@salesforce/label/c.Quorum_Requests_NoAccount';
import noSignal from '@salesforce/label/c.Quorum_Requests_NoSignal';
import oneOff from '@salesforce/label/c.Quorum_Requests_OneOff';
import otherRequests from '@salesforce/label/c.Quorum_Requests_OtherRequests';
import pattern from '@salesforce/label/c.Quorum_Requests_Pattern';
import requesterWithRole from '@salesforce/label/c.Quorum_Requests_RequesterWithRole';
import signal from '@salesforce/label/c.Quorum_Requests_Signal';
import signalOne from '@salesforce/label/c.Quorum_Requests_SignalOne';
import signalUnranked from '@salesforce/label/c.Quorum_Requests_SignalUnranked';
import signalUnrankedOne from '@salesforce/label/c.Quorum_Requests_SignalUnrankedOne';
import thisOpportunity from '@salesforce/label/c.Quorum_Requests_ThisOpportunity';
import title from '@salesforce/label/c.Quorum_Requests_Title';
import updated from '@salesforce/label/c.Quorum_Requests_Updated';

export default {
  loading,
  saved,
  allAccounts,
  closed,
  created,
  editTitle,
  emerging,
  empty,
  loadError,
  newRequest,
  newTitle,
  noAccount,
  noSignal,
  oneOff,
  otherRequests,
  pattern,
  requesterWithRole,
  signal,
  signalOne,
  signalUnranked,
  signalUnrankedOne,
  thisOpportunity,
  title,
  updated,
};
