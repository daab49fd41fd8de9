import type { CsvPreviewRow } from '../../../../main/contract/contacts-csv';

const KIND_WORDS: Record<CsvPreviewRow['kind'], string> = {
  new: 'New',
  update: 'Update',
  unchanged: 'Already saved',
  duplicate: 'Duplicate',
  error: 'Error',
};

/** The preview's rows, problems first, each with its line in the file so the owner can fix it there. */
export function CsvPreviewTable({ rows }: { rows: readonly CsvPreviewRow[] }) {
  if (rows.length === 0) return <p>The file has no rows under its header.</p>;
  return (
    <div className="import-rows">
      <table>
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col">What happens</th>
            <th scope="col">Name</th>
            <th scope="col">Phone</th>
            <th scope="col">Why</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.line} className={`import-row-${row.kind}`}>
              <td>{row.line}</td>
              <td>{KIND_WORDS[row.kind]}</td>
              <td>{row.name}</td>
              <td>{row.phone}</td>
              <td>{row.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
