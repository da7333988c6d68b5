// Custom labels of the request editor, in one place so templates read labels.x.
import cancel from '@salesforce/label/c.Quorum_Common_Cancel';
import loading from '@salesforce/label/c.Quorum_Common_Loading';
import save from '@salesforce/label/c.Quorum_Common_Save';
import saveFailed from '@salesforce/label/c.Quorum_Common_SaveFailed';
import dealBlocker from '@salesforce/label/c.Quorum_Requests_DealBlocker';
import description from '@salesforce/label/c.Quorum_Requests_Description';
import editTitle from '@salesforce/label/c.Quorum_Requests_EditTitle';
import fixErrors from '@salesforce/label/c.Quorum_Requests_FixErrors';
import newTitle from '@salesforce/label/c.Quorum_Requests_NewTitle';
import notSpecified from '@salesforce/label/c.Quorum_Requests_NotSpecified';
import requestedBy from '@salesforce/label/c.Quorum_Requests_RequestedBy';
import requestedByHelp from '@salesforce/label/c.Quorum_Requests_RequestedByHelp';
import revenue from '@salesforce/label/c.Quorum_Requests_Revenue';
import source from '@salesforce/label/c.Quorum_Requests_Source';
import status from '@salesforce/label/c.Quorum_Requests_Status';
import themeClear from '@salesforce/label/c.Quorum_Requests_ThemeClear';
import themeHelp from '@salesforce/label/c.Quorum_Requests_ThemeHelp';
import themeNoMatch from '@salesforce/label/c.Quorum_Requests_ThemeNoMatch';
import themeResults from '@salesforce/label/c.Quorum_Requests_ThemeResults';
import themeSearch from '@salesforce/label/c.Quorum_Requests_ThemeSearch';
import themeSearchPlaceholder from '@salesforce/label/c.Quorum_Requests_ThemeSearchPlaceholder';
import themeSuggested from '@salesforce/label/c.Quorum_Requests_ThemeSuggested';
import themeUseSuggestion from '@salesforce/label/c.Quorum_Requests_ThemeUseSuggestion';
import title from '@salesforce/label/c.Quorum_Requests_TitleField';
import urgency from '@salesforce/label/c.Quorum_Requests_Urgency';
import neededBy from '@salesforce/label/c.Quorum_Requests_ColNeededBy';
import askedOn from '@salesforce/label/c.Quorum_Requests_ColAskedOn';
import askedOnHelp from '@salesforce/label/c.Quorum_Requests_AskedOnHelp';
import workaround from '@salesforce/label/c.Quorum_Requests_Workaround';

export default {
  cancel,
  loading,
  save,
  saveFailed,
  dealBlocker,
  description,
  editTitle,
  fixErrors,
  newTitle,
  notSpecified,
  requestedBy,
  requestedByHelp,
  revenue,
  source,
  status,
  themeClear,
  themeHelp,
  themeNoMatch,
  themeResults,
  themeSearch,
  themeSearchPlaceholder,
  themeSuggested,
  themeUseSuggestion,
  title,
  urgency,
  neededBy,
  askedOn,
  askedOnHelp,
  workaround,
};
