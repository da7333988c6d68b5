// Custom labels of the buying committee, in one place so templates read labels.x.
import loading from '@salesforce/label/c.Quorum_Common_Loading';
import saveFailed from '@salesforce/label/c.Quorum_Common_SaveFailed';
import saved from '@salesforce/label/c.Quorum_Common_Saved';
import add from '@salesforce/label/c.Quorum_Committee_Add';
import coverageGood from '@salesforce/label/c.Quorum_Committee_CoverageGood';
import coverageHeading from '@salesforce/label/c.Quorum_Committee_CoverageHeading';
import empty from '@salesforce/label/c.Quorum_Committee_Empty';
import loadError from '@salesforce/label/c.Quorum_Committee_LoadError';
import removeConfirm from '@salesforce/label/c.Quorum_Committee_RemoveConfirm';
import removeTitle from '@salesforce/label/c.Quorum_Committee_RemoveTitle';
import memberRemoved from '@salesforce/label/c.Quorum_Committee_Removed';
import reportingEmpty from '@salesforce/label/c.Quorum_Committee_ReportingEmpty';
import reportingHeading from '@salesforce/label/c.Quorum_Committee_ReportingHeading';
import reportsTo from '@salesforce/label/c.Quorum_Committee_ReportsTo';
import sideDecision from '@salesforce/label/c.Quorum_Committee_SideDecision';
import sideInfluence from '@salesforce/label/c.Quorum_Committee_SideInfluence';
import sideNone from '@salesforce/label/c.Quorum_Committee_SideNone';
import sideUse from '@salesforce/label/c.Quorum_Committee_SideUse';
import nameWithRole from '@salesforce/label/c.Quorum_Committee_NameWithRole';
import title from '@salesforce/label/c.Quorum_Committee_Title';
import memberUpdated from '@salesforce/label/c.Quorum_Committee_Updated';
import warnNoChampion from '@salesforce/label/c.Quorum_Committee_WarnNoChampion';
import warnNoDecision from '@salesforce/label/c.Quorum_Committee_WarnNoDecision';
import warnNoUse from '@salesforce/label/c.Quorum_Committee_WarnNoUse';
import warnSingleThreaded from '@salesforce/label/c.Quorum_Committee_WarnSingleThreaded';
import warnVeto from '@salesforce/label/c.Quorum_Committee_WarnVeto';
import warningIcon from '@salesforce/label/c.Quorum_Committee_WarningIcon';
import warningsCount from '@salesforce/label/c.Quorum_Committee_WarningsCount';

export default {
  loading,
  saveFailed,
  saved,
  add,
  coverageGood,
  coverageHeading,
  empty,
  loadError,
  removeConfirm,
  removeTitle,
  memberRemoved,
  reportingEmpty,
  reportingHeading,
  reportsTo,
  sideDecision,
  sideInfluence,
  sideNone,
  sideUse,
  nameWithRole,
  title,
  memberUpdated,
  warnNoChampion,
  warnNoDecision,
  warnNoUse,
  warnSingleThreaded,
  warnVeto,
  warningIcon,
  warningsCount,
};
