const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// Ids are uuid columns: any other string would make Postgres raise a syntax error, whereas for a
// caller (e.g. an id taken from a URL) it simply names nothing.
/** Whether `id` can be a row id at all. */
export function isUuid(id: string): boolean {
  return uuidPattern.test(id);
}
