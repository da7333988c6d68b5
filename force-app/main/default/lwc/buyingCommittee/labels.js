// Custom labels of the buying committee, in one place so templates read labels.x.
import cancel from '@salesforce/label/c.Quorum_Common_Cancel';
import edit from '@salesforce/label/c.Quorum_Common_Edit';
import loading from '@salesforce/label/c.Quorum_Common_Loading';
import save from '@salesforce/label/c.Quorum_Common_Save';
import saveFailed from '@salesforce/label/c.Quorum_Common_SaveFailed';
import saved from '@salesforce/label/c.Quorum_Common_Saved';
import add from '@salesforce/label/c.Quorum_Committee_Add';
import addHeading from '@salesforce/label/c.Quorum_Committee_AddHeading';
import memberAdded from '@salesforce/label/c.Quorum_Committee_Added';
import alreadyMember from '@salesforce/label/c.Quorum_Committee_AlreadyMember';
import colRole from '@salesforce/label/c.Quorum_Committee_ColRole';
import coverageGood from '@salesforce/label/c.Quorum_Committee_CoverageGood';
import coverageHeading from '@salesforce/label/c.Quorum_Committee_CoverageHeading';
import empty from '@salesforce/label/c.Quorum_Committee_Empty';
import loadError from '@salesforce/label/c.Quorum_Committee_LoadError';
import pickerLabel from '@salesforce/label/c.Quorum_Committee_PickerLabel';
import pickerPlaceholder from '@salesforce/label/c.Quorum_Committee_PickerPlaceholder';
import remove from '@salesforce/label/c.Quorum_Committee_Remove';
import removeConfirm from '@salesforce/label/c.Quorum_Committee_RemoveConfirm';
import removeTitle from '@salesforce/label/c.Quorum_Committee_RemoveTitle';
import memberRemoved from '@salesforce/label/c.Quorum_Committee_Removed';
import reportingEmpty from '@salesforce/label/c.Quorum_Committee_ReportingEmpty';
import reportingHeading from '@salesforce/label/c.Quorum_Committee_ReportingHeading';
import scopeAccount from '@salesforce/label/c.Quorum_Committee_ScopeAccount';
import scopeAll from '@salesforce/label/c.Quorum_Committee_ScopeAll';
import scopeLabel from '@salesforce/label/c.Quorum_Committee_ScopeLabel';
import sideDecision from '@salesforce/label/c.Quorum_Committee_SideDecision';
import sideInfluence from '@salesforce/label/c.Quorum_Committee_SideInfluence';
import sideNone from '@salesforce/label/c.Quorum_Committee_SideNone';
import sideUse from '@salesforce/label/c.Quorum_Committee_SideUse';
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
  cancel,
  edit,
  loading,
  save,
  saveFailed,
  saved,
  add,
  addHeading,
  memberAdded,
  alreadyMember,
  colRole,
  coverageGood,
  coverageHeading,
  empty,
  loadError,
  pickerLabel,
  pickerPlaceholder,
  remove,
  removeConfirm,
  removeTitle,
  memberRemoved,
  reportingEmpty,
  reportingHeading,
  scopeAccount,
  scopeAll,
  scopeLabel,
  sideDecision,
  sideInfluence,
  sideNone,
  sideUse,
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
