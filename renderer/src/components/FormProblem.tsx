/**
 * The alert at the top of a form: what went wrong, and the main process's field errors that no input on
 * the form claims (so no message is ever dropped). Renders nothing when there is nothing to say.
 */
export function FormProblem({
  message,
  others = [],
}: {
  message: string | null;
  others?: [string, string][];
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
    </div>
  );
}
