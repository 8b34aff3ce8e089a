import { useTranslation } from 'react-i18next';
import type { AttachmentLink } from '../../data/schema';
import { useActor } from '../../data/settings/use-actor';
import type { AttachOutcome } from '../../data/attachments/attachments.repo';
import { AttachStatus } from './AttachProgressView';
import { useAttach } from './use-attach';

interface Props {
  caseId: string;
  /** What the files prove (a checklist item, a document, a register check); none when absent. */
  link?: AttachmentLink;
  onAttached?: (outcomes: AttachOutcome[]) => void;
  /** Button text; «Прикрепить файлы…» by default. */
  label?: string;
  /** Accessible name when the visible text alone would be ambiguous on the screen. */
  ariaLabel?: string;
}

/**
 * «Прикрепить файлы…» for any screen: opens the native dialog, stores the scans in main and records them on the
 * case with the given link. Hidden while the caseworker profile is incomplete (nothing could be recorded).
 */
export function AttachFilesButton({ caseId, link, onAttached, label, ariaLabel }: Props) {
  const { t } = useTranslation();
  const actor = useActor() ?? null;
  const state = useAttach(caseId, link, actor, onAttached);
  if (!actor) return null;
  return (
    <div className="attach-button">
      <button type="button" className="button button--small" disabled={state.busy} aria-label={ariaLabel} onClick={() => void state.pick()}>
        {label ?? t('attachments.attach')}
      </button>
      <AttachStatus state={state} />
    </div>
  );
}
