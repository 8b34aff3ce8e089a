import { Fragment, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldSegment, LetterFinding, LetterParagraph, LetterSegment, LetterView } from '../../../../shared/documents/letter-view';
import { MAX_UNBREAKABLE, typeset } from '../../../../shared/documents/typeset';

export type { LetterFinding };

interface Props {
  view: LetterView;
  /** Checks of the letter (issue 14's consistency checks), shown beside their paragraph or above the letter. */
  findings?: readonly LetterFinding[];
  /** The human label of a field at a model path. */
  labelOf(field: FieldSegment): string;
  /** Whether a value can be corrected from the review (a case field, or a pointer to where it is fixed). */
  editable(path: string): boolean;
  /** The editor for a field the caseworker clicked: the case field's inline editors or where to fix it. */
  renderFix(field: FieldSegment, label: string): ReactNode;
}

/** A word with a hyphen, slash or no-break space inside; the browser would break it there. */
const KEEP_WHOLE = /^[^ \t\n]*[-‐–—/\u00A0][^ \t\n]*$/u;

/**
 * Text with the PDF's no-break rules: «№ 5», «на 2 л.» stay together and a word with a hyphen or slash
 * (КР-М-3/26, 59-ФЗ) never wraps inside, so the screen never shows «КР-М-3/2 6».
 */
function Typeset({ text }: { text: string }) {
  // Split on breakable spaces only: the no-break spaces typeset() puts in stay inside their word.
  const pieces = typeset(text).split(/([ \t\n]+)/u);
  return (
    <>
      {pieces.map((piece, i) =>
        piece.length <= MAX_UNBREAKABLE && KEEP_WHOLE.test(piece) ? (
          <span key={i} className="letter__nowrap">
            {piece}
          </span>
        ) : (
          <Fragment key={i}>{piece}</Fragment>
        ),
      )}
    </>
  );
}

const isOpen = (open: { paragraph: string; path: string } | null, paragraph: string, path: string) => open?.paragraph === paragraph && open.path === path;

/**
 * The letter before it is generated, read as a letter: the template's paragraphs over the case's values (from
 * shared/documents/letter-view), every value highlighted and, where it comes from the case, a button that opens
 * its editor under the paragraph (saved to the case through the case-edit path, audited); a missing requisite
 * is marked where it would print and the outgoing number says it is assigned on generation. The PDF remains
 * pdfmake's; this is the screen's reading of the same template and model.
 */
export function LetterPreview({ view, findings = [], labelOf, editable, renderFix }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const [open, setOpen] = useState<{ paragraph: string; path: string } | null>(null);
  const general = findings.filter((f) => f.paragraphId === undefined || !view.paragraphs.some((p) => p.id === f.paragraphId));

  const value = (paragraph: string, segment: FieldSegment, key: number | string): ReactNode => {
    const label = labelOf(segment);
    const shown = segment.pending ? t('documents.letter.numberPending') : segment.missing ? t('documents.letter.missing', { field: label }) : segment.text;
    const className = [
      'letter__value',
      segment.pending ? 'letter__value--pending' : '',
      segment.missing && !segment.pending ? 'letter__value--missing' : '',
      segment.bold ? 'letter__value--bold' : '',
      shown.length <= MAX_UNBREAKABLE ? 'letter__nowrap' : '',
    ]
      .filter(Boolean)
      .join(' ');
    if (segment.pending || !editable(segment.path)) {
      return (
        <mark key={key} className={className} data-path={segment.path}>
          {segment.missing || segment.pending ? shown : <Typeset text={shown} />}
        </mark>
      );
    }
    return (
      <button
        key={key}
        type="button"
        className={className}
        data-path={segment.path}
        aria-expanded={isOpen(open, paragraph, segment.path)}
        aria-label={segment.missing ? t('documents.letter.editMissing', { field: label }) : t('documents.letter.edit', { value: segment.text, field: label })}
        onClick={() => setOpen(isOpen(open, paragraph, segment.path) ? null : { paragraph, path: segment.path })}
      >
        {segment.missing ? shown : <Typeset text={shown} />}
      </button>
    );
  };

  const inline = (paragraph: string, segments: readonly LetterSegment[]) =>
    segments.map((segment, i) =>
      segment.kind === 'text' ? (
        segment.bold ? (
          <strong key={i}>
            <Typeset text={segment.text} />
          </strong>
        ) : (
          <Typeset key={i} text={segment.text} />
        )
      ) : (
        value(paragraph, segment, i)
      ),
    );

  const editorFor = (paragraph: LetterParagraph) => {
    if (open?.paragraph !== paragraph.id) return null;
    const field = [...paragraph.segments, ...(paragraph.table?.rows.flat(2) ?? [])].find((s): s is FieldSegment => s.kind === 'field' && s.path === open.path);
    if (!field) return null;
    const label = labelOf(field);
    return (
      <div className="letter__editor" role="group" aria-label={t('documents.letter.editor', { field: label })}>
        {renderFix(field, label)}
        <button type="button" className="button button--small" onClick={() => setOpen(null)}>
          {t('documents.letter.close')}
        </button>
      </div>
    );
  };

  const body = (paragraph: LetterParagraph) => {
    if (paragraph.role === 'page-break') return <hr className="letter__page-break" />;
    if (paragraph.table) {
      return (
        <table className="letter__table">
          <caption className="docs-sr-only">{t('documents.letter.table')}</caption>
          <thead>
            <tr>
              {paragraph.table.header.map((h, i) => (
                <th key={i} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {paragraph.table.rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, c) => (
                  <td key={c}>{inline(paragraph.id, cell)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
    }
    return (
      <p className={`letter__p letter__p--${paragraph.role} letter__p--${paragraph.align}${paragraph.bold ? ' letter__p--bold' : ''}`}>{inline(paragraph.id, paragraph.segments)}</p>
    );
  };

  return (
    <section className="letter-review" aria-labelledby={titleId}>
      <h4 id={titleId}>{t('documents.letter.title')}</h4>
      <p className="muted">{t('documents.letter.hint')}</p>
      {view.unplaced.length > 0 ? <p className="letter__unplaced">{t('documents.letter.unplaced', { list: view.unplaced.map((m) => m.label).join('; ') })}</p> : null}
      {general.length > 0 ? <Findings findings={general} /> : null}
      <article className="letter" aria-label={t('documents.letter.title')}>
        {view.paragraphs.map((paragraph) => {
          const own = findings.filter((f) => f.paragraphId === paragraph.id);
          return (
            <div key={paragraph.id} className={`letter__row${own.length > 0 ? ' letter__row--noted' : ''}`} data-paragraph-id={paragraph.id}>
              <div className="letter__text">
                {body(paragraph)}
                {editorFor(paragraph)}
              </div>
              {own.length > 0 ? <Findings findings={own} /> : null}
            </div>
          );
        })}
      </article>
    </section>
  );
}

function Findings({ findings }: { findings: readonly LetterFinding[] }) {
  const { t } = useTranslation();
  return (
    <ul className="letter__findings" aria-label={t('documents.letter.findings')}>
      {findings.map((f, i) => (
        <li key={i} className={`letter__finding letter__finding--${f.severity}`}>
          <strong>{t(`documents.letter.severity_${f.severity}`)}: </strong>
          {f.text}
        </li>
      ))}
    </ul>
  );
}
