import pg from 'pg';

// The schema engine reads Postgres catalogs through @prisma/adapter-pg, which trips on two things:
// - the internal one-byte type "char" (oid 18, e.g. pg_constraint.contype) has no mapping in the
//   adapter, which fails the whole query; such columns are reported as text (oid 25), which is
//   how node-postgres already parses their value;
// - Postgres 18 records every NOT NULL as a pg_constraint row of type 'n', which this engine build
//   does not know and panics on; those rows are dropped, as nullability also lives in pg_attribute,
//   where the engine reads it.
const INTERNAL_CHAR_OID = 18;
const TEXT_OID = 25;
const NOT_NULL_CONSTRAINT = 'n';

function adaptResult(result: pg.QueryResult): void {
  const fields = result.fields ?? [];
  const typeColumn = fields.findIndex((f) => f.name === 'constraint_type' && f.dataTypeID === INTERNAL_CHAR_OID);
  if (typeColumn >= 0) {
    const name = fields[typeColumn]?.name ?? '';
    const typeOf = (row: unknown) => (Array.isArray(row) ? row[typeColumn] : (row as Record<string, unknown>)[name]);
    result.rows = result.rows.filter((row) => typeOf(row) !== NOT_NULL_CONSTRAINT);
    result.rowCount = result.rows.length;
  }
  for (const field of fields) {
    if (field.dataTypeID === INTERNAL_CHAR_OID) field.dataTypeID = TEXT_OID;
  }
}

function adaptResults<T>(result: T): T {
  for (const single of Array.isArray(result) ? result : [result]) {
    if (single && typeof single === 'object' && 'fields' in single) adaptResult(single as pg.QueryResult);
  }
  return result;
}

class CatalogClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    // node-postgres's query() has callback, promise and submittable forms; each is passed through.
    const query = super.query.bind(this) as (...args: unknown[]) => unknown;
    this.query = ((...args: unknown[]) => {
      const last = args.at(-1);
      if (typeof last === 'function') {
        args[args.length - 1] = (error: Error | null, result: unknown) => last(error, result && adaptResults(result));
        return query(...args);
      }
      const outcome = query(...args);
      return outcome instanceof Promise ? outcome.then(adaptResults) : outcome;
    }) as pg.Client['query'];
  }
}

/** A connection pool through which the schema engine can describe Postgres 15 to 18 databases. */
export function catalogPool(connectionString: string): pg.Pool {
  return new pg.Pool({ connectionString, Client: CatalogClient, max: 2 });
}
