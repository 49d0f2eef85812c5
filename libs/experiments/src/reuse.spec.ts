import { describe, expect, it } from 'vitest';
import type { ClassifierStep, PretrainStep } from './plan';
import type { CellResult, ExperimentResults, PretrainResult } from './results';
import { reusableCell, reusablePretraining } from './reuse';

const pretrainStep: PretrainStep = { key: 'vqvae:urdu', service: 'vqvae', datasetName: 'urdu', config: { epochs: 5, seed: 1 } };
const pretrained = {
  key: 'vqvae:urdu',
  datasetName: 'urdu',
  datasetVersionId: 'v1',
  runId: 'p1',
  checkpointId: 'ck1',
  config: { epochs: 5, seed: 1 },
  resolvedConfig: {},
  metrics: {},
} as PretrainResult;
const sent = { method: 'sequence-model', sequenceModel: 'tacn', features: 'fusion', epochs: 20, datasetVersionId: 'v1', vqvaeCheckpointId: 'ck1' };
const cell = (config: Record<string, unknown>, status: CellResult['status'] = 'succeeded') =>
  ({ row: 'tacn', column: 'fusion', status, runId: 'r1', config }) as CellResult;
const earlier = (cells: CellResult[]) => [{ pretraining: [pretrained], cells } as unknown as ExperimentResults];
const step: ClassifierStep = { row: 'fusion-tacn', column: 'result', pretrainKey: 'vqvae:urdu', config: {} };

describe('reusing earlier results', () => {
  it('takes over a pre-training only for the same key, dataset version and config', () => {
    expect(reusablePretraining(pretrainStep, 'v1', earlier([]))).toBe(pretrained);
    expect(reusablePretraining(pretrainStep, 'v2', earlier([]))).toBeUndefined();
    expect(reusablePretraining({ ...pretrainStep, config: { epochs: 6, seed: 1 } }, 'v1', earlier([]))).toBeUndefined();
  });

  it('takes over a succeeded cell run with the very same config, under the new row and column', () => {
    const reused = reusableCell(step, { ...sent }, earlier([cell(sent)]));
    expect(reused).toMatchObject({ row: 'fusion-tacn', column: 'result', runId: 'r1', reusedFrom: 'r1' });
    expect(reusableCell(step, { ...sent, epochs: 30 }, earlier([cell(sent)]))).toBeUndefined();
    expect(reusableCell(step, { ...sent, vqvaeCheckpointId: 'ck2' }, earlier([cell(sent)]))).toBeUndefined();
    expect(reusableCell(step, sent, earlier([cell(sent, 'failed')]))).toBeUndefined();
  });
});
