/** Field errors of an AppError (`fields`), keyed by input: "body", "mapping.ticket_ID", "businessHours.1.start". */
export type FieldErrors = Readonly<Record<string, string>>;

/** The error for one input: under its own key, or under a more precise key below it ("businessHours.1.end"). */
export function errorAt(errors: FieldErrors, key: string): string | undefined {
  const own = errors[key];
  if (own !== undefined) return own;
  const prefix = `${key}.`;
  return Object.entries(errors).find(([k]) => k.startsWith(prefix))?.[1];
}

/** The errors no input on screen shows, for the top of the form. */
export function unclaimedErrors(
  errors: FieldErrors,
  isClaimed: (key: string) => boolean,
): Array<[key: string, message: string]> {
  return Object.entries(errors).filter(([key]) => !isClaimed(key));
}

/** Props that tie an input to its error text (and mark it invalid) when there is one. */
export function invalidProps(message: string | undefined, errorId: string) {
  return message ? { 'aria-invalid': true as const, 'aria-describedby': errorId } : {};
}
