// A table with one row of column headers above its body: the admin lists, the profile tables and the report
// tables all open this way, so the headers' scope and markup are written once.
import type { ReactNode } from 'react';

export function DataTable(props: {
  readonly className: string;
  /** The column headers, left to right (a header may be markup, e.g. a visually hidden label). */
  readonly headers: readonly ReactNode[];
  readonly children: ReactNode;
}) {
  return (
    <table className={props.className}>
      <thead>
        <tr>
          {props.headers.map((header, i) => (
            // The headers are fixed for a table's life, so their position is their identity.
            <th scope="col" key={i}>
              {header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{props.children}</tbody>
    </table>
  );
}
