import { CliError } from './cli-error';
import { benchCommand } from './commands/bench';
import { corpusCommand } from './commands/corpus';
import { demoCorpusCommand } from './commands/demo-corpus';
import { experimentCommand } from './commands/experiment';
import { featuresCommand } from './commands/features';
import { modelCommand } from './commands/model';
import { tokenCommand } from './commands/token';
import { trainCommand } from './commands/train';

const HELP = `ser — the SER platform's command line

Usage: ser <command> [options]

Commands:
  features IN --out OUT.npy        80-dim log-mel features of one audio file (NumPy float32 [frames, 80])
  corpus import --format F --name N DIR
                                   ingest a corpus folder through the running features service
  corpus publish --format F --name N --uri DIR
                                   validate a corpus, then announce it on Kafka (ser.corpus.published)
  demo-corpus --out DIR            synthesise the demo emotional speech corpus
  bench features DIR [--json]      front-end throughput (decode + resample + log-mel, one thread)
  bench fop-train|fop-infer [--json]
                                   FOP training step (32 x 200) / inference (1 x 500) on the selected backend
  experiment fop-table1|fop-table2 --dataset X --pretrain A[,B]
                                   the FOP paper's Table 1 (fine-tuning) / Table 2 (hypercolumns) on any dataset
  train --dataset X [--model-name N] [--config recipe.yaml]
                                   the platform's recipe: pre-train, train, evaluate speaker-independently,
                                   register the model with its card (and the log-mel baseline beside it)
  model export NAME[:VERSION|@ALIAS] --format onnx --out FILE
                                   a registered model version as ONNX (front-end settings in its metadata)
  token create --name N --role R   make a GraphQL API token (viewer|operator|admin), printed once

Run 'ser <command> --help' for a command's options.
`;

const COMMANDS: Record<string, (args: string[]) => Promise<void>> = {
  features: featuresCommand,
  corpus: corpusCommand,
  'demo-corpus': demoCorpusCommand,
  bench: benchCommand,
  experiment: experimentCommand,
  model: modelCommand,
  token: tokenCommand,
  train: trainCommand,
};

// Library logs (backend selection, kafkajs) stay quiet unless asked for: stdout carries results (--json).
process.env.SER_LOG_LEVEL ??= 'warn';

async function main(argv: string[]): Promise<void> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(HELP);
    return;
  }
  const command = COMMANDS[name];
  if (!command) throw new CliError(`unknown command '${name}'\n\n${HELP}`, 2);
  await command(rest);
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (err: unknown) => {
    if (err instanceof CliError) {
      process.stderr.write(`ser: ${err.message}\n`);
      process.exit(err.exitCode);
    }
    if (err instanceof TypeError && (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`ser: ${err.message}\n`);
      process.exit(2);
    }
    process.stderr.write(`ser: ${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  },
);
