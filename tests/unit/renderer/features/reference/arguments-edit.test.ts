import { describe, expect, it } from 'vitest';
import { causeWithArguments, draftOf } from '../../../../../renderer/src/features/reference/argument-drafts';
import { saveRow } from '../../../../../renderer/src/features/reference/save-row';
import { currentReference } from '../../../../../renderer/src/data/reference/reference.repo';
import { selectArguments, argumentFacts } from '../../../../../shared/documents/arguments';
import { newArgumentId } from '../../../../../shared/reference/versioning';
import { actor } from '../../../support/db-fixtures';
import { seededDb } from '../../../support/reference-db-fixtures';
import { translator } from '../../../support/translator';
import { issueWhat } from '../../../../../renderer/src/features/reference/issue-text';

describe('editing a cause\'s letter arguments', () => {
  it('stores a new reference version; the edited paragraph gets version + 1, the untouched ones keep theirs, audited', async () => {
    const db = await seededDb();
    const cause = (await currentReference())!.causes.find((c) => c.id === 'R-1')!;
    const drafts = cause.arguments.map(draftOf);
    drafts[1] = { ...drafts[1]!, text: 'Работодатель уведомил МВД России о заключении договора с заявителем {{notification.date}}.' };
    await expect(saveRow(actor, 'causes', 'R-1', causeWithArguments(cause, drafts))).resolves.toEqual({ ok: true, version: 2, changed: true });
    const saved = (await currentReference())!.causes.find((c) => c.id === 'R-1')!.arguments;
    expect(saved.map((a) => a.version)).toEqual(cause.arguments.map((a, i) => (i === 1 ? a.version + 1 : a.version)));
    expect(saved[1]!.text).toMatch(/^Работодатель уведомил/);
    const [entry] = await db.audit.where('caseId').equals('').toArray();
    expect(entry).toMatchObject({ entity: 'reference', entityId: '2', who: actor.who, changes: [{ field: 'causes.R-1' }] });
  });

  it('a new paragraph gets a fresh id and version 1, and a letter prints it once its evidence is present', async () => {
    await seededDb();
    const bundle = (await currentReference())!;
    const cause = bundle.causes.find((c) => c.id === 'R-1')!;
    const id = newArgumentId('R-1', cause.arguments);
    expect(cause.arguments.some((a) => a.id === id)).toBe(false);
    const drafts = [...cause.arguments.map(draftOf), { id, version: 0, text: 'Последний период учёта: с {{registration.from}} по {{registration.to}}.', checkText: '', evidence: [cause.checklist[0]!], legalRef: '' }];
    await expect(saveRow(actor, 'causes', 'R-1', causeWithArguments(cause, drafts))).resolves.toMatchObject({ ok: true, version: 2 });
    const added = (await currentReference())!.causes.find((c) => c.id === 'R-1')!.arguments.find((a) => a.id === id)!;
    expect(added).toEqual({ id, version: 1, text: 'Последний период учёта: с {{registration.from}} по {{registration.to}}.', evidence: [cause.checklist[0]], legalRef: null });
    const facts = argumentFacts({
      date: '2026-03-01',
      documents: [],
      stays: [],
      registrations: [{ id: 'r1', from: '2025-04-01', to: '2025-09-04', address: 'г. Москва' } as never],
      employments: [],
      otherSpellings: [],
    });
    const { printed } = selectArguments([added], new Set([cause.checklist[0]!]), bundle.legalRefs, facts);
    expect(printed).toEqual([{ id, version: 1, form: 'assertion', text: 'Последний период учёта: с 01.04.2025 по 04.09.2025.' }]);
  });

  it('refuses a misspelt field, a citation without a legal reference, a malformed request to check and a paragraph without evidence, storing nothing', async () => {
    const db = await seededDb();
    const cause = (await currentReference())!.causes.find((c) => c.id === 'R-1')!;
    const drafts = cause.arguments.map(draftOf);
    drafts[0] = { ...drafts[0]!, text: 'С {{gap.frm}} по {{gap.to}} договор действовал.' };
    drafts[1] = { ...drafts[1]!, text: 'Согласно {{law.cite}} уведомление направлено.', legalRef: '' };
    drafts[2] = { ...drafts[2]!, checkText: 'Обращаем внимание, что {{contract.ref}} действовал.', evidence: [] };
    const result = await saveRow(actor, 'causes', 'R-1', causeWithArguments(cause, drafts));
    expect(result.ok).toBe(false);
    if (result.ok || !('issues' in result)) return;
    const f = result.issues.fields;
    expect(f['arguments.0.text']).toMatchObject({ code: 'unknown_placeholder', value: 'gap.frm' });
    expect(f['arguments.1.text']?.code).toBe('invalid_value');
    expect(f['arguments.2.checkText']?.code).toBe('invalid_value');
    expect(f['arguments.2.evidence']?.code).toBe('too_short');
    expect(await db.referenceVersions.count()).toBe(1);
    const { t } = await translator('ru');
    expect(issueWhat(t, f['arguments.0.text']!)).toBe('Неизвестное поле «gap.frm» в тексте');
    expect(issueWhat(t, f['arguments.2.evidence']!, { too_short: 'reference.argument.evidenceRequired' })).toBe('Отметьте хотя бы одно доказательство');
  });

  it('saving the arguments unchanged makes no version', async () => {
    await seededDb();
    const cause = (await currentReference())!.causes.find((c) => c.id === 'R-9')!;
    await expect(saveRow(actor, 'causes', 'R-9', causeWithArguments(cause, cause.arguments.map(draftOf)))).resolves.toEqual({ ok: true, version: 1, changed: false });
  });
});
