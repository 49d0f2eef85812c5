import type { Migration } from './migration';

// A run's display name and the model name its kept model registers under are request fields, not experiment
// config or provenance: before this they rode in runs.config (displayName, stripped again before the trainer
// parsed the config) and runs.lineage (modelName). Existing rows move theirs into the columns, so every row reads
// the same way whichever version wrote it. An empty name is no name.
export const runNames: Migration = {
  version: 3,
  name: 'run-names',
  sql: /* sql */ `
ALTER TABLE runs ADD COLUMN display_name text, ADD COLUMN model_name text;

UPDATE runs SET
  display_name = nullif(config ->> 'displayName', ''),
  model_name = nullif(coalesce(lineage ->> 'modelName', config ->> 'modelName'), ''),
  config = config - 'displayName' - 'modelName',
  lineage = lineage - 'modelName'
WHERE config ? 'displayName' OR config ? 'modelName' OR lineage ? 'modelName';
`,
};
