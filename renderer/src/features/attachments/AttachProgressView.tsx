import { useTranslation } from 'react-i18next';
import { progressText, type AttachProgress } from './attach-files';
import type { AttachState } from './use-attach';

/** The long-running part of attaching (reading a large scan, storing it), and then what came of it. */
export function AttachStatus({ state }: { state: Pick<AttachState, 'progress' | 'notice'> }) {
  const { progress, notice } = state;
  return (
    <div className="attach-status">
      {progress ? <ProgressLine progress={progress} /> : null}
      <div role="status" aria-live="polite">
        {notice?.ok.map((line) => (
          <p key={line} className="status status--ok">
            {line}
          </p>
        ))}
      </div>
      <div role="alert">
        {notice?.problems.map((line) => (
          <p key={line} className="status status--error">
            {line}
          </p>
        ))}
      </div>
    </div>
  );
}

function ProgressLine({ progress }: { progress: AttachProgress }) {
  const { t } = useTranslation();
  const reading = progress.stage === 'reading';
  return (
    <div className="attach-progress">
      <p className="muted">{progressText(t, progress)}</p>
      {/* Reading a dropped file reports bytes; storing (hashing, counting pages in main) is one step without parts. */}
      <progress aria-label={t('attachments.progress.label')} {...(reading ? { max: Math.max(progress.size, 1), value: progress.loaded } : {})} />
    </div>
  );
}
