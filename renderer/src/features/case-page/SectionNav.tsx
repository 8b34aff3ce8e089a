import { useTranslation } from 'react-i18next';

/** The case page's sections by their heading ids, in page order, with the message key that names each. */
const SECTIONS: readonly (readonly [headingId: string, label: string])[] = [
  ['deadlines-title', 'tracking.section.deadlines'],
  ['diagnosis-title', 'tracking.section.diagnosis'],
  ['requests-title', 'tracking.section.requests'],
  ['appeals-title', 'appeals.section'],
  ['checks-title', 'tracking.section.checks'],
  ['attachments-title', 'attachments.title'],
  ['documents-title', 'documents.section'],
  ['case-section-person', 'casePage.section.person'],
  ['case-section-timeline', 'casePage.section.timeline'],
  ['case-section-history', 'casePage.section.history'],
];

/** Moves to a section: scrolls its heading below the sticky bar and gives it focus, so Tab goes on from there. */
function goTo(headingId: string) {
  const heading = document.getElementById(headingId);
  if (!heading) return;
  if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
  heading.scrollIntoView({ block: 'start' });
  heading.focus({ preventScroll: true });
}

/** A bar of the case page's sections that stays in view while the long page scrolls. */
export function SectionNav() {
  const { t } = useTranslation();
  return (
    <nav className="case-nav" aria-label={t('casePage.sectionNav')}>
      <ul>
        {SECTIONS.map(([id, label]) => (
          <li key={id}>
            <a
              href={`#${id}`}
              onClick={(event) => {
                // The app routes by the hash: the link moves within the page instead of navigating.
                event.preventDefault();
                goTo(id);
              }}
            >
              {t(label)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
