/**
 * The alert at the top of a form: what went wrong, and the main process's field errors that no input on
 * the form claims (so no message is ever dropped). Renders nothing when there is nothing to say. When what
 * failed was a load, `onRetry` offers "Try again" under the message, so the owner is never left stuck.
 */
export function FormProblem({
  message,
  others = [],
  onRetry,
}: {
  message: string | null;
  others?: [string, string][];
  onRetry?: () => void;
}) {
  if (message === null && others.length === 0) return null;
  return (
    <div className="form-problem" role="alert">
      {message !== null ? <p>{message}</p> : null}
      {others.length > 0 ? (
        <ul>
          {others.map(([key, text]) => (
            <li key={key}>{text}</li>
          ))}
        </ul>
      ) : null}
      {onRetry ? (
        <button type="button" className="secondary" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}
