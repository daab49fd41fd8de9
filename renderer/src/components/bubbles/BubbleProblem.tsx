/** What went wrong with something the owner did on a message, said where they did it; nothing when all went well. */
export function BubbleProblem({ problem }: { problem: string | null }) {
  return problem ? (
    <p role="alert" className="bubble-error">
      {problem}
    </p>
  ) : null;
}
