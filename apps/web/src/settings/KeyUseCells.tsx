import type { ApiKeyRow } from './api-key-types';

/** A timestamp as the key tables show it. */
export const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : 'never');

/** The last cells of a key's row: last use, status, and (for admins) a Revoke button while it is live. */
export function KeyUseCells({
  row,
  canEdit,
  onRevoke,
}: {
  row: ApiKeyRow;
  canEdit: boolean;
  onRevoke: (row: ApiKeyRow) => void;
}) {
  return (
    <>
      <td>{when(row.lastUsedAt)}</td>
      <td>{row.revokedAt ? `revoked ${when(row.revokedAt)}` : 'active'}</td>
      {canEdit && (
        <td>
          {!row.revokedAt && (
            <button type="button" onClick={() => onRevoke(row)} aria-label={`Revoke ${row.name}`}>
              Revoke
            </button>
          )}
        </td>
      )}
    </>
  );
}
