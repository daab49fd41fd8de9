/**
 * A history's text without some messages: their message lines and their status lines go, every other
 * line stays byte for byte (the header, other messages, even a damaged line kept as evidence). Used to
 * undo an import, the only time a history loses messages short of forgetting the whole contact.
 */
export function withoutMessages(text: string, ids: ReadonlySet<string>): string {
  const lines = text.split('\n');
  const kept = lines.filter((line) => {
    const id = messageIdOf(line);
    return id === null || !ids.has(id);
  });
  return kept.join('\n');
}

/** The id a history line is about (a message's, or a status change's), or null for any other line. */
function messageIdOf(line: string): string | null {
  if (line.trim() === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || !('t' in value)) return null;
  if (value.t === 's' && 'id' in value && typeof value.id === 'string') return value.id;
  if (value.t === 'm' && 'm' in value && typeof value.m === 'object' && value.m !== null && 'id' in value.m) {
    return typeof value.m.id === 'string' ? value.m.id : null;
  }
  return null;
}
