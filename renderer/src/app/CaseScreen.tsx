import { AppealsPanel } from '../features/appeals/AppealsPanel';
import { describeAppealChange } from '../features/appeals/history-text';
import { AttachmentsSection } from '../features/attachments/AttachmentsSection';
import { CheckScreenshots } from '../features/attachments/CheckScreenshots';
import { describeAttachmentChange } from '../features/attachments/history-text';
import { CasePage, type CasePanels } from '../features/case-page/CasePage';
import { ChecksPanel } from '../features/case-tracking/ChecksPanel';
import { DeadlinesPanel } from '../features/case-tracking/DeadlinesPanel';
import { DiagnosisPanel } from '../features/case-tracking/DiagnosisPanel';
import { describeTrackingChange } from '../features/case-tracking/history-text';
import { RequestsPanel } from '../features/case-tracking/RequestsPanel';
import { DocumentsPanel } from '../features/documents/DocumentsPanel';
import { describeDocumentChange } from '../features/documents/history-text';
import { describeLifecycleChange } from '../features/documents/lifecycle-history-text';
import type { CaseSection } from '../lib/case-sections';
import { checkMoment } from '../ui/case/labels';

/**
 * The case page as the app shows it: the case-page feature with the panels of the tracking, attachments and
 * documents features put in by the shell, since features never import each other.
 */
const panels: CasePanels = {
  render: ({ record, person, tracking }) => (
    <>
      <DeadlinesPanel record={record} person={person} tracking={tracking} />
      <DiagnosisPanel record={record} tracking={tracking} />
      <RequestsPanel record={record} tracking={tracking} />
      <AppealsPanel record={record} />
      <ChecksPanel
        record={record}
        person={person}
        tracking={tracking}
        checkFiles={(check) => <CheckScreenshots caseId={record.id} checkId={check.id} at={checkMoment(check.at)} />}
      />
      <AttachmentsSection caseId={record.id} tracking={tracking} />
      <DocumentsPanel record={record} person={person} />
    </>
  ),
  describeOther: (tr, change, entityId, { tracking, language }) =>
    describeAppealChange(tr, change) ??
    describeAttachmentChange(tr, change, { reference: tracking?.reference ?? null, checks: tracking?.checks ?? [], language }) ??
    describeDocumentChange(tr, change) ??
    describeLifecycleChange(tr, change) ??
    describeTrackingChange(tr, change, entityId, { requests: tracking?.requests ?? [], reference: tracking?.reference ?? null, language }),
};

export function CaseScreen({ caseId, section }: { caseId: string; section: CaseSection | null }) {
  return <CasePage caseId={caseId} section={section} panels={panels} />;
}
