/** The CSRF token the server set for this session (a readable cookie), for the x-csrf-token header. */
export function csrfToken(): string {
  const match = document.cookie.split('; ').find((part) => part.startsWith('parley_csrf='));
  return match ? match.slice('parley_csrf='.length) : '';
}
