import { isSealed, type AtRestCodec } from '../../../../shared/crypto/at-rest';
import { sameValue, type FieldConflict, type FieldEquality } from '../../../../shared/sync/merge';
import type { SyncConflictRow } from './sync-rows';

/**
 * Field equality for the merge of synced rows, on plain values. The at-rest layer seals every personal field a
 * write carries with a fresh random nonce, so a field the caseworker did not touch is stored as new ciphertext on
 * every save of its row. Comparing ciphertext would make an edit of the phone on one PC and of the surname on
 * another look like two edits of both; opening sealed values first makes them merge. The merged row keeps the
 * stored (sealed) value of the side it takes, so nothing plain is ever written.
 * Without a codec (the app locked mid-sync) sealed values compare as stored: at worst a conflict is recorded,
 * never a value lost.
 */
export function plainFieldEquality(table: string, codecOf: () => AtRestCodec | null): FieldEquality {
  return (field, a, b) => {
    if (sameValue(a, b)) return true;
    if (!isSealed(a) && !isSealed(b)) return false;
    const codec = codecOf();
    if (!codec) return false;
    // A plain value left from before the at-rest upgrade opens as itself.
    return sameValue(codec.open(`${table}.${field}`, a), codec.open(`${table}.${field}`, b));
  };
}

/** A recorded conflict's values opened for the conflict view (they are kept sealed, as the rows are). */
export function openConflictFields(conflict: SyncConflictRow, codec: AtRestCodec): FieldConflict[] {
  const open = (field: string, value: unknown) => codec.open(`${conflict.table}.${field}`, value);
  return conflict.fields.map((f) => ({ field: f.field, base: open(f.field, f.base), mine: open(f.field, f.mine), theirs: open(f.field, f.theirs) }));
}
