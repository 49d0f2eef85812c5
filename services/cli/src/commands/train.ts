import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import YAML from 'yaml';
import { MODEL_SIZES, planTrainingRecipe, PROTOCOL_KINDS, RecipeRequestError, writeResults, type CellResult } from '@ser/experiments';
import { CliError, usageError } from '../cli-error';
import { integerOption, readEarlierResults } from './experiment-options';
import { experimentDataDir, openExperimentSystem, SYSTEM_OPTIONS, SYSTEM_OPTIONS_HELP } from './experiment-system';
import { runStoppableExperiment } from './experiment-stop';

const HELP = `Usage: ser train --dataset X [options]

Trains the platform's recipe on a labelled dataset (registered with 'ser corpus import --name X'): FOP pre-trained
on X's audio (and any --pretrain-also datasets), the frozen FOP's last layer (h2, mean and standard deviation over
frames) into an RBF SVM tuned on the training speakers, evaluated speaker-independently; the kept model is registered as --model-name with its evaluation and model card. The
log-mel statistics + SVM baseline runs under the same folds, so the output says what the model adds. Then promote
the version you trust (the command is printed).

Options:
  --dataset X              labelled dataset to train and evaluate on (required); with --protocol cross-corpus,
                           'a+b' trains on both
  --model-name N           name to register the model under (default: X-emotion)
  --config FILE            a recipe file (YAML or JSON): pretrainAlso, classifier (a classifier run config),
                           baseline (true|false); unknown keys are an error. Saved beside the results.
  --pretrain-also A[,B]    unlabelled datasets pre-trained on together with X (e.g. librispeech)
  --protocol P             ${PROTOCOL_KINDS.join(' | ')} (default speaker-holdout)
  --test-speakers A,B      speaker-holdout: the held-out speakers (default: the first two speaker ids)
  --folds K                leave-speakers-out: K folds of speakers
  --test-dataset T[,U]     cross-corpus: the dataset tested on, every utterance of it (labels matched by name)
  --repeats N              repetitions (default 1)
  --model-size S           ${MODEL_SIZES.join(' | ')} (default paper)
  --pretrain-epochs N      pre-training epochs (default: the service's, with early stopping)
  --seed N                 seed (default 1)
  --class-weights W        balanced | none: weigh the recipe's and the baseline's training by inverse class
                           frequency, for UA on unbalanced corpora (default none, as the papers)
  --normalize N            none | per-corpus | per-speaker: z-score the recipe's and the baseline's pooled features
                           per corpus (or speaker) with its own statistics, test corpus included (no labels read;
                           cross-corpus adaptation). Default none
  --smoke                  tiny, fast settings for tests
  --out DIR                where results go (default <data dir>/training/<model name>-<time>)
  --reuse R[,R...]         earlier results.json files (or folders holding one): a pre-training or cell with the
                           very same config is taken over, not trained again (same data dir)
${SYSTEM_OPTIONS_HELP}  -h, --help               this text
`;

const OPTIONS = {
  dataset: { type: 'string' },
  'model-name': { type: 'string' },
  config: { type: 'string' },
  'pretrain-also': { type: 'string' },
  protocol: { type: 'string' },
  'test-speakers': { type: 'string' },
  folds: { type: 'string' },
  'test-dataset': { type: 'string' },
  repeats: { type: 'string' },
  'model-size': { type: 'string' },
  'pretrain-epochs': { type: 'string' },
  seed: { type: 'string' },
  'class-weights': { type: 'string' },
  normalize: { type: 'string' },
  smoke: { type: 'boolean' },
  out: { type: 'string' },
  reuse: { type: 'string' },
  ...SYSTEM_OPTIONS,
  help: { type: 'boolean', short: 'h' },
} as const;

/** The recipe file's content (YAML or JSON), parsed; validated with the rest of the request. */
function readRecipeFile(file: string | undefined): { recipe: unknown; source: string } {
  if (!file) return { recipe: undefined, source: '' };
  if (!existsSync(file)) throw usageError(`--config: ${file} does not exist`);
  const source = readFileSync(file, 'utf8');
  try {
    return { recipe: YAML.parse(source) ?? {}, source };
  } catch (err) {
    throw usageError(`--config: ${file} is not YAML or JSON: ${(err as Error).message}`);
  }
}

const percent = (cell: CellResult | undefined) => (cell?.ua ? `${(100 * cell.ua.mean).toFixed(1)} UA, ${(100 * cell.wa!.mean).toFixed(1)} WA` : 'no result');

export async function trainCommand(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
  if (values.help) return void process.stdout.write(HELP);
  if (positionals.length > 0) throw usageError(`unexpected argument '${positionals[0]}'\n\n${HELP}`);
  if (!values.dataset) throw usageError(`--dataset is required\n\n${HELP}`);
  const dataDir = experimentDataDir(values);
  const file = readRecipeFile(values.config);
  let planned;
  try {
    planned = planTrainingRecipe({
      dataset: values.dataset,
      modelName: values['model-name'],
      recipe: file.recipe,
      pretrainAlso: values['pretrain-also']?.split(','),
      protocol: values.protocol,
      testSpeakers: values['test-speakers']?.split(',').map((s) => s.trim()),
      folds: integerOption('folds', values.folds),
      testDatasets: values['test-dataset']?.split(','),
      repeats: integerOption('repeats', values.repeats),
      modelSize: values['model-size'],
      pretrainEpochs: integerOption('pretrain-epochs', values['pretrain-epochs']),
      seed: integerOption('seed', values.seed),
      classWeights: values['class-weights'],
      normalize: values.normalize,
      smoke: values.smoke,
    });
  } catch (err) {
    if (err instanceof RecipeRequestError)
      throw usageError(err.field === 'recipe' && values.config ? `--config ${values.config}: ${err.message}` : err.message);
    throw err;
  }
  const { plan, recipe, modelName } = planned;
  const source = file.source;
  const outDir = resolve(values.out ?? join(dataDir, 'training', `${modelName}-${new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19)}`));
  const reuse = values.reuse ? readEarlierResults(values.reuse) : [];
  const system = await openExperimentSystem(values, dataDir);
  process.stderr.write(`${plan.title}; ${system.description}\n`);
  await runStoppableExperiment(plan, system, outDir, { command: ['ser', 'train', ...argv].join(' '), reuse }, async (results) => {
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, 'recipe.json'), `${JSON.stringify(recipe, null, 2)}\n`);
    if (source) writeFileSync(join(outDir, 'recipe-source.yaml'), source);
    const paths = await writeResults(outDir, results);
    const model = results.cells.find((c) => c.row === 'recipe');
    const baseline = results.cells.find((c) => c.row === 'baseline');
    if (!model || model.status !== 'succeeded' || !model.model)
      throw new CliError(`the recipe's classifier run failed: ${model?.error ?? 'no result'} (see ${paths.markdown})`);
    const { name, version } = model.model;
    process.stdout.write(
      [
        `registered ${name} version ${version}: ${percent(model)} (${results.protocol.kind === 'cross-corpus' ? `tested on ${results.protocol.testDatasets.join(', ')}, a corpus never trained on` : `${results.protocol.kind}, speakers never seen in training`})`,
        ...(baseline ? [`baseline, log-mel statistics + SVM on the same folds: ${percent(baseline)}`] : []),
        `results: ${paths.markdown}`,
        `model card: models/${model.runId}/model-card.md in the artifact store`,
        'promote it (admin token) with the GraphQL mutation:',
        `  mutation { promoteModel(name: "${name}", version: ${version}, alias: "production") { version } }`,
        '',
      ].join('\n'),
    );
  });
}
