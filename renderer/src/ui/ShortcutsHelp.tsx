import { useTranslation } from 'react-i18next';
import { Dialog } from './Dialog';
import { SHORTCUT_ACTIONS, SHORTCUTS } from './shortcuts';

/** The list of keyboard shortcuts (F1 or «?»). */
export function ShortcutsHelp({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} title={t('comfort.shortcuts.title')} onClose={onClose}>
      <table className="shortcuts-table">
        <caption className="docs-sr-only">{t('comfort.shortcuts.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('comfort.shortcuts.action')}</th>
            <th scope="col">{t('comfort.shortcuts.keys')}</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUT_ACTIONS.map((action) => (
            <tr key={action}>
              <th scope="row">{t(`comfort.shortcuts.actions.${action}`)}</th>
              <td>
                {SHORTCUTS[action].keys.map((key, i) => (
                  <span key={key}>
                    {i > 0 ? ` ${t('comfort.shortcuts.or')} ` : null}
                    <kbd>{key}</kbd>
                  </span>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">{t('comfort.shortcuts.note')}</p>
      <div className="form-actions">
        <button type="button" className="button" onClick={onClose}>
          {t('comfort.shortcuts.close')}
        </button>
      </div>
    </Dialog>
  );
}
