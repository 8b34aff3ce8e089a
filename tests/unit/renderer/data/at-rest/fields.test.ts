import { describe, expect, it } from 'vitest';
import { AT_REST_FIELDS, REVIEWED_PLAIN, SEARCH_OWNED, UNDECIDED_TABLES, type FieldDecision } from '../../../../../renderer/src/data/at-rest/fields';
import { createCase } from '../../../../../renderer/src/data/cases/cases.repo';
import { actor, freshDb, intake } from '../../../support/db-fixtures';

const decisions = AT_REST_FIELDS as Record<string, Record<string, FieldDecision>>;

/** Field names that usually hold a person's values; a plain one needs a reason in REVIEWED_PLAIN. */
const PERSONAL_LOOKING = /name|pin|phone|mail|address|birth|document|passport|number|note|summary|text|reason|caption|title|addressee|spelling|representative|employer|host|card|who|place|data|value|changes|snapshot|rows|headers|blocks|template|hash|sex|citizenship|consent|patronymic|created|filter|error/i;

describe('the at-rest field list', () => {
  it('decides every table of the database', () => {
    const tables = freshDb().tables.map((t) => t.name).filter((name) => !UNDECIDED_TABLES.includes(name));
    expect(Object.keys(decisions).sort()).toEqual(tables.sort());
  });

  it('leaves no personal-looking field plain without a written reason, and no reason without its plain field', () => {
    const unexplained: string[] = [];
    for (const [table, fields] of Object.entries(decisions)) {
      for (const [field, decision] of Object.entries(fields)) {
        if (decision === 'plain' && PERSONAL_LOOKING.test(field) && !REVIEWED_PLAIN[`${table}.${field}`] && !/At$|Id$|^id$/.test(field)) unexplained.push(`${table}.${field}`);
      }
    }
    expect(unexplained).toEqual([]);
    const stale = Object.keys(REVIEWED_PLAIN).filter((path) => {
      const [table, field] = path.split('.') as [string, string];
      return decisions[table]?.[field] !== 'plain';
    });
    expect(stale).toEqual([]);
  });

  it('knows every field the app writes into a person and a case', async () => {
    const db = freshDb();
    const made = await createCase(intake({ pin: '21203199000123' }), actor);
    if (!made.ok) throw new Error('fixture');
    const undecided: string[] = [];
    for (const [table, rows] of [['persons', await db.persons.toArray()], ['cases', await db.cases.toArray()], ['audit', await db.audit.toArray()]] as const) {
      for (const row of rows) {
        for (const field of Object.keys(row)) if (!decisions[table]![field] && !(SEARCH_OWNED as readonly string[]).includes(`${table}.${field}`)) undecided.push(`${table}.${field}`);
      }
    }
    expect(undecided).toEqual([]);
  });
});
