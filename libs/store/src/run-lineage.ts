import { z } from 'zod';

/**
 * What a run was made from and what it made, as the trainers record it on `runs.lineage`. Every field is optional
 * (a run gains them as it goes); keys this schema does not name are kept as they are, so older rows still read.
 * RunRepository checks every lineage it writes against it, so a reader can trust a named key's type.
 */
export const runLineageSchema = z.looseObject({
  /** The dataset versions it trained on. */
  datasetVersionIds: z.array(z.string()).optional(),
  /** The pre-training checkpoint a classifier run started from ('' for none). */
  checkpointId: z.string().optional(),
  /** The pre-training run that saved that checkpoint ('' for none). */
  runId: z.string().optional(),
  configHash: z.string().optional(),
  /** A pre-training run's checkpoint with the lowest held-out loss so far. */
  bestCheckpointId: z.string().optional(),
  /** A classifier run's kept model: its checkpoint row and artifact folder. */
  modelCheckpointId: z.string().optional(),
  modelArtifactKey: z.string().optional(),
  /** A classifier run's stored evaluation. */
  evaluationKey: z.string().optional(),
});

export type RunLineage = z.infer<typeof runLineageSchema>;
