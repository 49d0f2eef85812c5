// The schema's enums are the platform's closed sets (run kinds and statuses, corpus formats, evaluation protocols,
// classifier methods, prediction sources, roles, services), spelled the GraphQL way: the store's `fop-pretrain`,
// `crema-d` and `leave-one-speaker-out` are FOP_PRETRAIN, CREMA_D and LEAVE_ONE_SPEAKER_OUT. One rule both ways,
// so a value added on the platform side needs only its enum value in schema.graphql (enums.spec.ts checks they match).

/** A platform spelling as its GraphQL enum value: fop-pretrain -> FOP_PRETRAIN. */
export const toEnum = (s: string) => s.toUpperCase().replace(/-/g, '_');

/** A GraphQL enum value as the platform spells it: FOP_PRETRAIN -> fop-pretrain. */
export const fromEnum = (s: string) => s.toLowerCase().replace(/_/g, '-');

/** toEnum for a value that may be missing or not a string (configs are JSON): null then. */
export const optionalEnum = (v: unknown): string | null => (typeof v === 'string' && v ? toEnum(v) : null);
