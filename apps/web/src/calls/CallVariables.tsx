'use client';

/** The values the call was given for the flow's {{variables}}. */
export function CallVariables({ variables }: { variables: Record<string, string> }) {
  const entries = Object.entries(variables);
  return (
    <section className="call-section" aria-labelledby="call-variables">
      <h2 id="call-variables">Variables</h2>
      {entries.length === 0 ? (
        <p className="muted">No variables were given to this call.</p>
      ) : (
        <table className="call-variables">
          <tbody>
            {entries.map(([name, value]) => (
              <tr key={name}>
                <th scope="row">
                  <code>{name}</code>
                </th>
                <td>{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
