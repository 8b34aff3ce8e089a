import { db } from '../schema';
import type { DocumentInputs } from '../../../../shared/documents/model';
import { sampleInputs } from '../../../../shared/documents/sample-case';
import type { DocumentTemplate } from '../../../../shared/documents/template-schema';
import { regionalAddressee } from '../../../../shared/reference/lookup';
import type { ReferenceBundle } from '../../../../shared/reference/schema';
import { localTodayIso } from '../../lib/date-time';
import { documentInputsFor } from '../documents/document-inputs.repo';
import { loadSettings } from '../settings/settings.repo';

/** Up to this many recent cases are offered as preview samples. */
export const PREVIEW_CASES = 30;

export interface PreviewCase {
  id: string;
  label: string;
}

/** The most recently changed cases, for the preview's sample picker. */
export async function previewCases(): Promise<PreviewCase[]> {
  const rows = await db().cases.orderBy('updatedAt').reverse().limit(PREVIEW_CASES).toArray();
  return rows.map((r) => ({ id: r.id, label: `${r.number} — ${r.summary.nameRu || r.summary.nameKy}` }));
}

/**
 * A real case's inputs for previewing a template: the person, the case, its checks and documents as a
 * document would print them, with what only a generation would choose (the number, attachments, the letter a
 * reminder cites, the citizens of a list letter) taken from the built-in sample so the preview can be drawn.
 * The addressee is the case region's migration unit where the template writes to one.
 */
export async function caseInputsForPreview(caseId: string, template: DocumentTemplate, reference: ReferenceBundle): Promise<DocumentInputs> {
  const settings = await loadSettings();
  const sample = sampleInputs(template.kind, reference, settings.complete ? { mission: settings.mission, caseworker: settings.caseworker } : {});
  const record = await db().cases.get(caseId);
  const regional = record && sample.addressee?.kind === 'mvd_regional' ? regionalAddressee(reference.addressees, record.region) : undefined;
  const date = localTodayIso();
  const fromCase = await documentInputsFor(caseId, {
    template,
    addressee: regional ?? sample.addressee ?? null,
    number: sample.outgoing?.number ?? '',
    date,
    attachments: sample.attachments ?? [],
  });
  return {
    ...fromCase,
    ...(settings.complete ? {} : { mission: sample.mission, caseworker: sample.caseworker }),
    previous: fromCase.previous ?? sample.previous ?? null,
    citizens: sample.citizens ?? [],
    sent: fromCase.sent && fromCase.sent.length > 0 ? fromCase.sent : (sample.sent ?? []),
    answerDue: fromCase.answerDue ?? sample.answerDue ?? null,
  };
}
