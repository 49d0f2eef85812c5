export interface Migration {
  /** Applied in increasing order; never renumber or edit one that has shipped, add the next. */
  version: number;
  name: string;
  sql: string;
}
