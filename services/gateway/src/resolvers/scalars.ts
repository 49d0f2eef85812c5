import { GraphQLError, GraphQLScalarType, Kind, valueFromASTUntyped } from '../graphql-runtime';
import { UploadedFile } from '../http/multipart';

export const JSONScalar = new GraphQLScalarType({
  name: 'JSON',
  serialize: (v) => v,
  parseValue: (v) => v,
  parseLiteral: (ast, variables) => valueFromASTUntyped(ast, variables),
});

const notAnUpload = () =>
  new GraphQLError('Upload values come from a multipart request (graphql-multipart-request-spec), not from the query text', {
    extensions: { code: 'BAD_USER_INPUT' },
  });

/** Only the http adapter makes UploadedFile values, so a client cannot pass a fake one inside JSON variables. */
export const UploadScalar = new GraphQLScalarType({
  name: 'Upload',
  serialize: () => {
    throw new GraphQLError('Upload is an input-only scalar');
  },
  parseValue: (v) => {
    if (!(v instanceof UploadedFile)) throw notAnUpload();
    return v;
  },
  parseLiteral: () => {
    throw notAnUpload();
  },
});

/** RFC 3339's profile of ISO 8601: a full date and time with an offset, fractions of a second optional. */
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-](\d{2}):(\d{2}))$/i;

const notADateTime = (value: unknown) =>
  new GraphQLError(`DateTime takes an ISO 8601 date and time with an offset, e.g. 2025-01-31T12:00:00Z; got ${JSON.stringify(value)}`, {
    extensions: { code: 'BAD_USER_INPUT' },
  });

/** The instant an ISO 8601 string names; refuses what Date would silently roll over (Feb 30, 24:00) or guess (no offset). */
export function parseDateTime(value: unknown): Date {
  const m = typeof value === 'string' ? DATE_TIME.exec(value) : null;
  if (!m) throw notADateTime(value);
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const calendarDay = new Date(Date.UTC(year, month - 1, day));
  const valid =
    calendarDay.getUTCFullYear() === year &&
    calendarDay.getUTCMonth() === month - 1 &&
    calendarDay.getUTCDate() === day &&
    hour < 24 &&
    minute < 60 &&
    second < 60 &&
    (m[9] === undefined || (Number(m[9]) < 24 && Number(m[10]) < 60));
  const instant = new Date(value as string);
  if (!valid || Number.isNaN(instant.getTime())) throw notADateTime(value);
  return instant;
}

/** Times in and out as ISO 8601 strings; resolvers hand it the store's Date values. Output is always UTC (`Z`). */
export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  serialize: (v) => {
    if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString();
    if (typeof v === 'string') return parseDateTime(v).toISOString();
    throw new GraphQLError(`DateTime cannot represent ${JSON.stringify(v)}`);
  },
  parseValue: parseDateTime,
  parseLiteral: (ast, variables) => parseDateTime(ast.kind === Kind.STRING ? ast.value : valueFromASTUntyped(ast, variables)),
});
