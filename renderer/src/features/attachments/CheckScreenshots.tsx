import { useLive } from '../../data/use-live';
import { useTranslation } from 'react-i18next';
import { attachmentsFor, titleOf } from '../../data/attachments/attachments.repo';
import { AttachFilesButton } from './AttachFilesButton';

/** In the register checks log: the screenshots attached to one check, and a button to attach more. */
export function CheckScreenshots({ caseId, checkId, at }: { caseId: string; checkId: string; at: string }) {
  const { t } = useTranslation();
  const linked = useLive(async () => (await attachmentsFor(caseId)).filter((r) => r.link.kind === 'check' && r.link.id === checkId), [caseId, checkId]);
  return (
    <div className="check-screens">
      {linked && linked.length > 0 ? (
        <ul className="check-screens__list">
          {linked.map((row) => (
            <li key={row.id}>{titleOf(row)}</li>
          ))}
        </ul>
      ) : null}
      <AttachFilesButton caseId={caseId} link={{ kind: 'check', id: checkId }} label={t('attachments.checkScreens.attach')} ariaLabel={t('attachments.checkScreens.attachLabel', { at })} />
    </div>
  );
}
