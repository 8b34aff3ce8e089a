import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttachmentLink } from '../../data/schema';
import type { Actor } from '../../data/cases/cases.repo';
import type { AttachOutcome } from '../../data/attachments/attachments.repo';
import { AttachError, attachDropped, attachPicked, outcomeMessages, type AttachProgress } from './attach-files';
import { describeError } from '../../ui/error-text';

export interface AttachState {
  busy: boolean;
  progress: AttachProgress | null;
  notice: { ok: string[]; problems: string[] } | null;
  pick(): Promise<void>;
  drop(files: readonly File[]): Promise<void>;
}

/** Attaching through the dialog or a drop, one at a time, with progress and a summary of what happened. */
export function useAttach(caseId: string, link: AttachmentLink | undefined, actor: Actor | null, onAttached?: (outcomes: AttachOutcome[]) => void): AttachState {
  const { t } = useTranslation();
  const [progress, setProgress] = useState<AttachProgress | null>(null);
  const [notice, setNotice] = useState<AttachState['notice']>(null);

  const run = useCallback(
    async (work: () => Promise<AttachOutcome[] | null>) => {
      if (!actor || progress) return;
      setNotice(null);
      try {
        const outcomes = await work();
        if (outcomes) {
          setNotice(outcomeMessages(t, outcomes));
          onAttached?.(outcomes);
        }
      } catch (error) {
        // An AttachError's text is already a translated sentence; anything else is worded here.
        const message = error instanceof AttachError ? error.message : describeError(t, error);
        setNotice({ ok: [], problems: [t('attachments.error', { message })] });
      } finally {
        setProgress(null);
      }
    },
    [actor, progress, t, onAttached],
  );

  const pick = useCallback(() => run(() => attachPicked(caseId, link, actor!, t, setProgress)), [run, caseId, link, actor, t]);
  const drop = useCallback((files: readonly File[]) => run(() => attachDropped(caseId, files, link, actor!, t, setProgress)), [run, caseId, link, actor, t]);
  return { busy: progress !== null, progress, notice, pick, drop };
}
