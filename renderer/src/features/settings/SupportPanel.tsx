import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getApi } from '../../api';

type State = { kind: 'idle' | 'saving' | 'canceled' | 'failed' } | { kind: 'saved'; file: string };

/** Settings panel: saves the logs and version information to a file the caseworker picks (main writes it). */
export function SupportPanel() {
  const { t } = useTranslation();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const save = async () => {
    setState({ kind: 'saving' });
    const result = await getApi().saveSupportInfo({});
    if (!result.ok) return setState({ kind: 'failed' });
    setState(result.value.status === 'saved' ? { kind: 'saved', file: result.value.fileName } : { kind: 'canceled' });
  };
  return (
    <section className="panel settings-reference" aria-labelledby="settings-support-title">
      <h2 id="settings-support-title">{t('support.title')}</h2>
      <p>{t('support.description')}</p>
      <div className="form-actions">
        <button type="button" className="button" disabled={state.kind === 'saving'} onClick={() => void save()}>
          {state.kind === 'saving' ? t('support.saving') : t('support.save')}
        </button>
        <span role="status" className={state.kind === 'failed' ? 'status status--error' : 'status status--ok'}>
          {state.kind === 'saved' ? t('support.saved', { file: state.file }) : null}
          {state.kind === 'canceled' ? t('support.canceled') : null}
          {state.kind === 'failed' ? t('support.failed') : null}
        </span>
      </div>
    </section>
  );
}
