import type { IngestDatasetRequest__Output, IngestDatasetResponse, IngestionStage } from '@ser/contracts';
import { invalidArgument } from '@ser/grpc-kit';
import { formatFromProto, formatToProto } from '../formats';
import type { Ingestor } from '../ingest/ingestor';
import type { IngestProgress, IngestResult } from '../ingest/ingest-corpus';
import { progressStream } from '../ingest/progress-channel';
import { versionToProto } from './datasets';

const STAGES: Record<string, IngestionStage> = {
  scanning: 'INGESTION_STAGE_SCANNING',
  extracting: 'INGESTION_STAGE_EXTRACTING',
  writing: 'INGESTION_STAGE_WRITING',
  done: 'INGESTION_STAGE_DONE',
};

/** IngestDataset: streams progress while the corpus is ingested; the last message carries the version and report. */
export async function* ingestDataset(ingestor: Ingestor, req: IngestDatasetRequest__Output): AsyncGenerator<IngestDatasetResponse> {
  const format = formatFromProto(req.format);
  if (!format) throw invalidArgument('format is required', [{ field: 'format', description: 'one of the DatasetFormat values' }]);
  if (!req.corpusName) throw invalidArgument('corpus_name is required', [{ field: 'corpus_name', description: 'must not be empty' }]);
  const request = { corpusName: req.corpusName, format, uri: req.uri, labelMap: Object.keys(req.labelMap).length ? req.labelMap : undefined };
  ingestor.validate(request); // fail fast with INVALID_ARGUMENT/PERMISSION_DENIED before streaming
  for await (const item of progressStream<IngestProgress, IngestResult>((report) => ingestor.ingest(request, report))) {
    if ('progress' in item) {
      const p = item.progress;
      if (p.stage === 'done') continue; // the final message below carries the outcome
      yield { stage: STAGES[p.stage], filesDone: p.done, filesTotal: p.total, message: p.message ?? '' };
    } else {
      const { version, report, created } = item.result;
      yield {
        stage: 'INGESTION_STAGE_DONE',
        filesDone: report.utterancesIngested,
        filesTotal: report.filesSeen,
        message: created ? `ingested ${report.utterancesIngested} utterances` : 'already ingested: same content as an existing version',
        datasetVersion: { ...versionToProto(version), format: formatToProto(version.format) },
        report: {
          filesSeen: report.filesSeen,
          utterancesIngested: report.utterancesIngested,
          skippedFiles: report.skipped,
          elapsedMs: report.elapsedMs,
        },
      };
    }
  }
}
