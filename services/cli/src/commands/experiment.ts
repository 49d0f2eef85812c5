import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  buildFopTable1Plan,
  buildFopTable2Plan,
  buildTacnTable1Plan,
  buildTacnTable2Plan,
  fetchTsnePanels,
  MODEL_SIZES,
  PAPER_REPEATS,
  PROTOCOL_KINDS,
  resolveSettings,
  writeResults,
  writeTacnFigures,
  type ExperimentPlan,
  type ExperimentSettings,
} from '@ser/experiments';
import { CliError, usageError } from '../cli-error';
import { integerOption, numberOption, readEarlierResults } from './experiment-options';
import { runStoppableExperiment } from './experiment-stop';
import { experimentDataDir, openExperimentSystem, SYSTEM_OPTIONS, SYSTEM_OPTIONS_HELP } from './experiment-system';

const HELP = `Usage:
  ser experiment fop-table1 --dataset X --pretrain A,B [options]
      FOP paper Table 1: fine-tuning on X from random initialisation (None) and from FOP pre-trained on A, on B, ...
  ser experiment fop-table2 --dataset X --pretrain A [options]
      FOP paper Table 2: hypercolumns F, h1, h2, h_add, h_concat of a frozen FOP pre-trained on A, classified on X
      by SVM, random forest and attention-LSTM.
  ser experiment tacn-table1 --dataset X --vqvae-pretrain A [options]
      TACN paper Table 1: SimpleRNN, GRU, BiGRU, LSTM, BiLSTM, TCN, TACN on Deep and Fusion (VQ-VAE pre-trained
      on A) features of X, WA and UA; confusion-matrix PNGs.
  ser experiment tacn-table2 --dataset X --vqvae-pretrain A [options]
      TACN paper Table 2: Deep TCN, Fusion TCN, Deep TACN, Fusion TACN: macro-F1, WA, UA, confusion-matrix PNGs.

Datasets are named as registered (ser corpus import --name N); each one's latest version is used and recorded.
Writes results.json (configs, run ids, per-repeat metrics, mean, std) and results.md (the table) to --out.

Options:
  --dataset X              labelled dataset every classifier run trains and is evaluated on (required)
  --pretrain A[,B...]      datasets to pre-train FOP on (fop-table1/2; exactly one for fop-table2)
  --vqvae-pretrain A       dataset to pre-train the VQ-VAE on (tacn-table1/2)
  --out DIR                where results go (default <data dir>/experiments/<experiment>-<time>)
  --repeats N              repetitions per cell (default ${PAPER_REPEATS}, the paper's)
  --epochs N               classifier epochs: fine-tuning, attention-LSTM (default: the service's)
  --pretrain-epochs N      pre-training epochs, FOP or VQ-VAE (default: the service's)
  --batch-size N           batch size of pre-training and classifier runs (default: the services', the papers'
                           128 for TACN runs); a small corpus needs smaller batches to get enough updates
  --patience N             early-stopping patience, epochs (default: the services')
  --optimizer O            adadelta | adam: the TACN classifier runs' optimizer (default adadelta, the paper's)
  --learning-rate R        its learning rate (default 1.0 for Adadelta, 1e-3 for Adam)
  --protocol P             ${PROTOCOL_KINDS.join(' | ')} (default: the paper's: speaker-holdout for the FOP
                           tables, stratified-holdout (random 80/20 per class) for the TACN tables)
  --class-weights W        balanced | none: weigh the loss by inverse class frequency (default none, as the papers)
  --validation V           speakers | stratified: early stopping validates on whole training speakers (default) or
                           on a per-class share of the training utterances, every training speaker still training
  --test-speakers A,B,...  speaker-holdout: the held-out test speakers (default: the first two speaker ids)
  --folds K                leave-speakers-out: K folds of consecutive sorted speaker ids, each tested once (default 6)
  --test-dataset T[,U]     cross-corpus: the dataset tested on, every utterance of it; --dataset 'a+b' then trains
                           on both (labels matched by name)
  --seed N                 seed of repeat 1; repeat i uses seed + i - 1 (default 1)
  --model-size S           ${MODEL_SIZES.join(' | ')}: the papers' sizes (default), narrower models that fit a CPU
                           (FOP dModel 64, 2 heads, FFN 128; small CNN/TACN/VQ-VAE), or the --smoke sizes;
                           recorded in results.json and results.md
  --smoke                  tiny configuration for tests: 2 epochs, 1 repeat, 40-frame crops, a 16-wide 2-layer FOP
  --reuse R[,R...]         earlier results.json files (or folders holding one): their pre-trainings and succeeded
                           cells with the very same configs are taken over, not trained again (same data dir). A
                           stopped experiment (Ctrl-C) keeps its finished runs in OUT/results.partial.json, which
                           --reuse OUT reads when OUT has no results.json, and cancels its runs still in flight
                           (on a --remote platform too)
${SYSTEM_OPTIONS_HELP}  -h, --help               this text
`;

const OPTIONS = {
  dataset: { type: 'string' },
  pretrain: { type: 'string' },
  'vqvae-pretrain': { type: 'string' },
  out: { type: 'string' },
  repeats: { type: 'string' },
  epochs: { type: 'string' },
  'pretrain-epochs': { type: 'string' },
  'batch-size': { type: 'string' },
  patience: { type: 'string' },
  optimizer: { type: 'string' },
  'learning-rate': { type: 'string' },
  protocol: { type: 'string' },
  'class-weights': { type: 'string' },
  validation: { type: 'string' },
  seed: { type: 'string' },
  smoke: { type: 'boolean' },
  'model-size': { type: 'string' },
  'test-speakers': { type: 'string' },
  folds: { type: 'string' },
  'test-dataset': { type: 'string' },
  reuse: { type: 'string' },
  ...SYSTEM_OPTIONS,
  help: { type: 'boolean', short: 'h' },
} as const;

const BUILDERS: Record<string, (dataset: string, pretrain: string[], settings: ExperimentSettings) => ExperimentPlan> = {
  'fop-table1': buildFopTable1Plan,
  'fop-table2': buildFopTable2Plan,
  'tacn-table1': buildTacnTable1Plan,
  'tacn-table2': buildTacnTable2Plan,
};

/** The plan for argv, or a usage error (exit 2) naming what is wrong. */
function planFromArgs(name: string, values: ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>['values']): ExperimentPlan {
  const build = BUILDERS[name];
  if (!build) throw usageError(`unknown experiment '${name}'\n\n${HELP}`);
  if (!values.dataset) throw usageError('--dataset is required');
  const tacn = name.startsWith('tacn-');
  const pretrainOption = tacn ? 'vqvae-pretrain' : 'pretrain';
  const pretrain = values[pretrainOption];
  if (!pretrain) throw usageError(`--${pretrainOption} is required`);
  if (tacn && values.pretrain) throw usageError(`${name} pre-trains a VQ-VAE: use --vqvae-pretrain, not --pretrain`);
  if (!tacn && (values.optimizer || values['learning-rate']))
    throw usageError(`--optimizer and --learning-rate choose the TACN runs' optimizer; ${name} fine-tunes with the FOP paper's`);
  const [dataset, ...trainAlso] = values.dataset.split('+').map((s) => s.trim());
  try {
    const settings = resolveSettings({
      protocol: values.protocol,
      dataset,
      trainAlso,
      testDatasets: values['test-dataset']?.split(','),
      paperProtocol: tacn ? 'stratified-holdout' : 'speaker-holdout', // TACN paper: random 80/20 utterance split
      classWeights: values['class-weights'],
      validationSplit: values.validation,
      repeats: integerOption('repeats', values.repeats),
      epochs: integerOption('epochs', values.epochs),
      pretrainEpochs: integerOption('pretrain-epochs', values['pretrain-epochs']),
      batchSize: integerOption('batch-size', values['batch-size']),
      patience: integerOption('patience', values.patience),
      optimizer: values.optimizer,
      learningRate: numberOption('learning-rate', values['learning-rate']),
      seed: integerOption('seed', values.seed),
      smoke: values.smoke,
      modelSize: values['model-size'],
      testSpeakers: values['test-speakers']?.split(',').map((s) => s.trim()),
      folds: integerOption('folds', values.folds),
    });
    if (!dataset || trainAlso.some((s) => !s)) throw new RangeError(`--dataset '${values.dataset}' names an empty dataset`);
    return build(
      dataset,
      pretrain.split(',').map((s) => s.trim()),
      settings,
    );
  } catch (err) {
    if (err instanceof RangeError) throw usageError(err.message);
    throw err;
  }
}

const stamp = () => new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);

export async function experimentCommand(argv: string[]): Promise<void> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') return void process.stdout.write(HELP);
  const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: OPTIONS });
  if (values.help) return void process.stdout.write(HELP);
  if (positionals.length > 0) throw usageError(`unexpected argument '${positionals[0]}'\n\n${HELP}`);
  const dataDir = experimentDataDir(values);
  const plan = planFromArgs(name, values);
  const outDir = resolve(values.out ?? join(dataDir, 'experiments', `${name}-${stamp()}`));
  const command = ['ser', 'experiment', ...argv].join(' ');

  const reuse = values.reuse ? readEarlierResults(values.reuse) : [];
  const system = await openExperimentSystem(values, dataDir);
  process.stderr.write(
    `${plan.title}\n${plan.pretraining.length} pre-training run(s), ${plan.classifierRuns.length} classifier run(s); ${system.description}\n`,
  );
  await runStoppableExperiment(plan, system, outDir, { command, reuse }, async (results) => {
    const paths = await writeResults(outDir, results);
    const figures = plan.name.startsWith('tacn-') ? await writeTacnFigures(outDir, results, await fetchTsnePanels(system.backend, results)) : [];
    process.stdout.write([paths.markdown, paths.json, ...figures].map((p) => `${p}\n`).join(''));
    const failed = results.cells.filter((c) => c.status !== 'succeeded');
    if (failed.length > 0)
      throw new CliError(
        `${failed.length} of ${results.cells.length} cells failed (see ${paths.markdown}); first: ${failed[0]!.row} × ${failed[0]!.column}: ${failed[0]!.error}`,
      );
  });
}
