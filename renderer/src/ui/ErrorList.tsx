/** Messages that belong to no single field, announced at once; renders nothing when there are none. */
export function ErrorList({ messages }: { messages: readonly string[] }) {
  if (messages.length === 0) return null;
  return (
    <div className="errors" role="alert">
      {messages.map((text) => (
        <p key={text}>{text}</p>
      ))}
    </div>
  );
}
