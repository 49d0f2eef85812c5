import type { MetadataStore } from '@ser/store';

/**
 * Runs an earlier process left queued or running in a data folder (a crash, a kill) are recovered by their trainers
 * as the platform starts and train before an experiment's own: said up front, so the wait is not a mystery. Null
 * when there are none.
 */
export async function leftoverRunsNote(runs: Pick<MetadataStore['runs'], 'list'>, dataDir: string): Promise<string | null> {
  const page = await runs.list({ status: ['queued', 'running'] });
  if (page.totalCount === 0) return null;
  const listed = page.edges.map(({ node }) => `${node.kind} run ${node.id} (${node.status})`).join(', ');
  return (
    `note: ${page.totalCount} run(s) left unfinished in ${dataDir} by an earlier process resume first: ${listed}. ` +
    `To drop them, run 'npm start' on this data folder and cancel them (GraphQL cancelRun).`
  );
}
