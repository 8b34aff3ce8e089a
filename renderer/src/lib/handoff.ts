/**
 * A value read ahead for one reader (the start's preloads, see first-screen.ts): kept with the database and key it
 * was read for, handed out once, and only to a reader asking for the same database and key.
 */
export function handoff<T>() {
  let held: { db: object; key: string; value: T } | null = null;
  return {
    put(db: object, key: string, value: T): void {
      held = { db, key, value };
    },
    take(db: object, key: string): T | undefined {
      const found = held;
      held = null;
      return found && found.db === db && found.key === key ? found.value : undefined;
    },
  };
}
