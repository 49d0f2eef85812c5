/**
 * FOP Table 1 on the URDU corpus: `npx tsx test/experiments/urdu-table1.ts [--data-dir DIR] [ser experiment options]`,
 * shorthand for `npx tsx test/acceptance/corpus-tables.ts --table fop-table1 --corpus urdu ...` (see there).
 */
export {};

process.argv.splice(2, 0, '--table', 'fop-table1');
await import('../acceptance/corpus-tables');
