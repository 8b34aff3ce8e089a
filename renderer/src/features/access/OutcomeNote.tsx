/** What an access form's last attempt came to: a success is announced politely, a refusal as an alert. */
export type Outcome = { ok: boolean; text: string } | null;

export function OutcomeNote({ note }: { note: Outcome }) {
  if (!note) return null;
  return (
    <p role={note.ok ? 'status' : 'alert'} className={note.ok ? 'status status--ok' : 'errors'}>
      {note.text}
    </p>
  );
}
