import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import type { IntakeDraft } from '../../../../shared/case/schema';
import { saveDraft } from '../../data/intake/intake-drafts.repo';

export const AUTOSAVE_DELAY_MS = 400;

export interface DraftAutosave {
  savedAt: string | null;
  /** A change is waiting to be written. */
  pending: boolean;
  /** The last write's failure, described by the form in the user's language. */
  failure: unknown;
  /** Writes a pending change now (before leaving the screen). */
  flush(): Promise<void>;
  /** No writes while a case is being created: the draft must not come back after createCase deletes it. */
  pause(): void;
  resume(): void;
  /** The case exists: never write this form again. */
  stop(): void;
}

/**
 * Keeps the intake draft in IndexedDB: every change is written after a short pause in typing, and at once
 * when the window is hidden or closed. An untouched blank form is not written (opening the screen must not
 * leave a draft behind); once anything was typed, every later state is.
 */
export function useDraftAutosave(form: UseFormReturn<IntakeDraft>, initialSavedAt: string | null): DraftAutosave {
  const [savedAt, setSavedAt] = useState<string | null>(initialSavedAt);
  const [failure, setFailure] = useState<unknown>(null);
  const [pendingShown, setPendingShown] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const pending = useRef(false);
  // Re-render only when "waiting" starts or ends, not on every keystroke.
  const markPending = useCallback((value: boolean) => {
    if (pending.current === value) return;
    pending.current = value;
    setPendingShown(value);
  }, []);
  const paused = useRef(false);
  const stopped = useRef(false);
  const changed = useRef(initialSavedAt !== null);
  const baseline = useRef<string | null>(null);
  const writes = useRef(0);

  const write = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (!pending.current || paused.current || stopped.current) return;
    const values = form.getValues();
    const version = ++writes.current;
    try {
      const at = await saveDraft(values);
      if (stopped.current) return;
      setSavedAt(at);
      setFailure(null);
      // A change typed while this write was under way is still pending (it has its own timer).
      if (version === writes.current && !timer.current) markPending(false);
    } catch (error) {
      setFailure(error);
    }
  }, [form, markPending]);

  useEffect(() => {
    baseline.current = JSON.stringify(form.getValues());
    return form.subscribe({
      formState: { values: true },
      callback: ({ values }) => {
        if (stopped.current) return;
        if (!changed.current) {
          if (JSON.stringify(values) === baseline.current) return;
          changed.current = true;
        }
        markPending(true);
        if (paused.current) return;
        if (timer.current) clearTimeout(timer.current);
        timer.current = setTimeout(() => void write(), AUTOSAVE_DELAY_MS);
      },
    });
  }, [form, write, markPending]);

  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') void write();
    };
    const onPageHide = () => void write();
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onPageHide);
      // Leaving the screen (e.g. to open a matching case) keeps what was typed.
      void write();
    };
  }, [write]);

  const pause = useCallback(() => {
    paused.current = true;
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  }, []);
  const resume = useCallback(() => {
    paused.current = false;
    if (pending.current) timer.current = setTimeout(() => void write(), AUTOSAVE_DELAY_MS);
  }, [write]);
  const stop = useCallback(() => {
    stopped.current = true;
    pending.current = false;
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  }, []);
  return useMemo(
    () => ({ savedAt, pending: pendingShown, failure, flush: write, pause, resume, stop }),
    [savedAt, pendingShown, failure, write, pause, resume, stop],
  );
}
