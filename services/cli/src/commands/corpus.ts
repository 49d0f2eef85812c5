import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isS3Uri } from '@ser/artifacts';
import { loadPlatformConfig } from '@ser/config';
import { loadSerProto, type FeatureServiceClient } from '@ser/contracts';
import { importCorpus } from '@ser/corpora';
import { CORPUS_FORMATS, KafkaEventBus, TOPICS, type CorpusFormat } from '@ser/events';
import { closeClient, createClient, deadlineIn, iterateStream } from '@ser/grpc-kit';
import { createLogger } from '@ser/logging';
import { serviceCaller } from '@ser/runtime';
import { CliError, usageError } from '../cli-error';
import { progressBar } from '../progress';
import { uploadCorpus } from './corpus-upload';

const HELP = `Usage:
  ser corpus import --format F --name N DIR
      Ingests DIR through the running features service (npm start, or SER_FEATURES_ADDRESS), with progress.
      DIR must lie under the service's corpus roots (SER_CORPUS_ROOTS; default <SER_DATA_DIR>/corpora).
  ser corpus publish --format F --name N --uri DIR [--label-map k=v,k=v] [--upload s3://bucket/prefix]
      Validates the corpus here (layout, labels), then publishes a ser.corpus.published event to Kafka
      (SER_KAFKA_BROKERS) for the features service to ingest. With --upload, copies DIR to object storage
      first and publishes that location (SER_S3_ENDPOINT, SER_S3_REGION, AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY);
      it must lie under an s3:// entry of the features service's SER_CORPUS_ROOTS.

Formats: ${CORPUS_FORMATS.join(', ')}
`;

const OPTIONS = {
  format: { type: 'string' },
  name: { type: 'string' },
  uri: { type: 'string' },
  'label-map': { type: 'string' },
  upload: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function corpusCommand(argv: string[]): Promise<void> {
  const [sub, ...rest] = argv;
  if (!sub || sub === '--help' || sub === '-h') return void process.stdout.write(HELP);
  const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: OPTIONS });
  if (values.help) return void process.stdout.write(HELP);
  const format = values.format as CorpusFormat | undefined;
  if (!format || !CORPUS_FORMATS.includes(format)) throw usageError(`--format must be one of ${CORPUS_FORMATS.join(', ')}`);
  if (!values.name) throw usageError('--name is required');
  const labelMap = parseLabelMap(values['label-map']);
  if (sub === 'import') {
    if (positionals.length !== 1) throw usageError(`corpus import takes one folder\n\n${HELP}`);
    return importViaService(values.name, format, resolve(positionals[0]!), labelMap);
  }
  if (sub === 'publish') {
    if (!values.uri) throw usageError('--uri is required');
    if (values.upload !== undefined && !isS3Uri(values.upload)) throw usageError('--upload takes an s3://bucket/prefix location');
    return publish(values.name, format, resolve(values.uri), labelMap, values.upload);
  }
  throw usageError(`unknown corpus command '${sub}'\n\n${HELP}`);
}

function parseLabelMap(text: string | undefined): Record<string, string> | undefined {
  if (!text) return undefined;
  const pairs = text.split(',').map((p) => p.split('='));
  if (pairs.some((p) => p.length !== 2 || !p[0] || !p[1])) throw usageError('--label-map takes raw=label pairs separated by commas');
  return Object.fromEntries(pairs as Array<[string, string]>);
}

function assertDirectory(dir: string): void {
  try {
    if (statSync(dir).isDirectory()) return;
  } catch {
    // fall through to the error
  }
  throw new CliError(`${dir} is not a readable directory`);
}

async function importViaService(name: string, format: CorpusFormat, dir: string, labelMap?: Record<string, string>): Promise<void> {
  assertDirectory(dir);
  const config = loadPlatformConfig();
  const { FeatureService } = loadSerProto().grpc.ser.v1;
  const client = createClient<FeatureServiceClient>(FeatureService, config.addresses.features, {
    deadlineMs: config.grpcDeadlineMs,
    serviceToken: serviceCaller(config, 'operator'),
  });
  const bar = progressBar(`ingesting ${name}`);
  try {
    const call = client.IngestDataset({ corpusName: name, format: formatEnum(format), uri: dir, labelMap: labelMap ?? {} }, deadlineIn(6 * 3600_000));
    for await (const msg of iterateStream(call)) {
      if (msg.stage !== 'INGESTION_STAGE_DONE') bar.update(msg.filesDone, msg.filesTotal);
      else {
        bar.stop();
        const report = msg.report!;
        process.stdout.write(`${msg.message}\ndataset version ${msg.datasetVersion?.id} (${msg.datasetVersion?.versionHash})\n`);
        for (const s of report.skippedFiles) process.stdout.write(`skipped ${s.path}: ${s.reason}\n`);
      }
    }
  } catch (err) {
    bar.stop();
    const e = err as { code?: number; details?: string };
    if (e.code === 14)
      throw new CliError(`the features service at ${config.addresses.features} is not reachable: start the platform (npm start) or set SER_FEATURES_ADDRESS`);
    if (typeof e.code === 'number') throw new CliError(e.details ?? String(err));
    throw err;
  } finally {
    closeClient(client);
  }
}

function formatEnum(format: CorpusFormat) {
  return `DATASET_FORMAT_${format.toUpperCase().replace('-', '_')}` as never;
}

async function publish(name: string, format: CorpusFormat, dir: string, labelMap?: Record<string, string>, upload?: string): Promise<void> {
  assertDirectory(dir);
  const config = loadPlatformConfig();
  const bar = progressBar(`validating ${name}`);
  const manifest = await importCorpus(dir, { format, labelMap, onProgress: (done, total) => bar.update(done, total) });
  bar.stop();
  if (manifest.entries.length === 0) {
    throw new CliError(`no usable audio found in ${dir} as format ${format} (${manifest.skipped.length} files skipped)`);
  }
  let uri = dir;
  if (upload) {
    const uploadBar = progressBar(`uploading to ${upload}`);
    const uploaded = await uploadCorpus(dir, upload, config.artifacts.s3, (done, total) => uploadBar.update(done, total)).catch((err: Error) => {
      throw new CliError(`cannot upload ${dir} to ${upload}: ${err.message}`);
    });
    uploadBar.stop();
    process.stderr.write(`uploaded ${uploaded.files} files (${uploaded.bytes} bytes) to ${uploaded.uri}\n`);
    uri = uploaded.uri;
  }
  process.stderr.write(`${manifest.entries.length} utterances, ${manifest.skipped.length} skipped; publishing to ${config.bus.brokers.join(',')}\n`);
  const bus = await KafkaEventBus.fromConfig({
    brokers: config.bus.brokers,
    clientId: 'ser-cli',
    topicPrefix: config.bus.topicPrefix,
    security: { tls: config.bus.tls, sasl: config.bus.sasl },
    logger: createLogger('ser-cli', { level: 'warn' }),
  }).catch((err: Error) => {
    throw new CliError(`cannot reach Kafka at ${config.bus.brokers.join(',')} (SER_KAFKA_BROKERS): ${err.message}`);
  });
  try {
    const event = await bus.publish(TOPICS.corpusPublished, { corpusName: name, format, uri, labelMap, requestedBy: process.env.USER }, { key: name });
    process.stdout.write(`published ${event.id} to ${TOPICS.corpusPublished}\n`);
  } finally {
    await bus.close();
  }
}
