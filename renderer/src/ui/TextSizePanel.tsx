import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { setTextSize, storedTextSize, TEXT_SIZES, type TextSize } from './text-size';

/** The text-size choice on the settings screen; it applies at once and is remembered on this computer. */
export function TextSizePanel() {
  const { t } = useTranslation();
  const titleId = useId();
  const selectId = useId();
  const hintId = useId();
  const [size, setSize] = useState<TextSize>(storedTextSize);
  return (
    <section className="panel settings-reference" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('comfort.textSize.title')}</h2>
      <div className="field">
        <label htmlFor={selectId}>{t('comfort.textSize.label')}</label>
        <select
          id={selectId}
          aria-describedby={hintId}
          value={size}
          onChange={(event) => {
            const next = Number(event.target.value) as TextSize;
            setSize(next);
            setTextSize(next);
          }}
        >
          {TEXT_SIZES.map((s) => (
            <option key={s} value={s}>
              {t(`comfort.textSize.size_${s}`)}
            </option>
          ))}
        </select>
        <span id={hintId} className="field__hint">
          {t('comfort.textSize.hint')}
        </span>
      </div>
    </section>
  );
}
