import type { DatasetFormat } from '@ser/contracts';
import { CORPUS_FORMATS, type CorpusFormat } from '@ser/events';

/** Corpus formats (events, store, importers) <-> the proto enum. */
const TO_PROTO: Record<CorpusFormat, DatasetFormat> = {
  iemocap: 'DATASET_FORMAT_IEMOCAP',
  ravdess: 'DATASET_FORMAT_RAVDESS',
  'crema-d': 'DATASET_FORMAT_CREMA_D',
  emodb: 'DATASET_FORMAT_EMODB',
  tess: 'DATASET_FORMAT_TESS',
  urdu: 'DATASET_FORMAT_URDU',
  manifest: 'DATASET_FORMAT_MANIFEST',
  unlabelled: 'DATASET_FORMAT_UNLABELLED',
};

export function formatToProto(format: string): DatasetFormat {
  return TO_PROTO[format as CorpusFormat] ?? 'DATASET_FORMAT_UNSPECIFIED';
}

export function formatFromProto(format: DatasetFormat | string): CorpusFormat | null {
  const entry = Object.entries(TO_PROTO).find(([, p]) => p === format);
  return entry ? (entry[0] as CorpusFormat) : CORPUS_FORMATS.includes(format as CorpusFormat) ? (format as CorpusFormat) : null;
}
