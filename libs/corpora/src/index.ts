export { CORPUS_FORMATS, type CorpusFormat } from '@ser/events';
export { SKIP_REASONS, CorpusLayoutError, type Manifest, type ManifestEntry, type SkippedFile, type SkipReason, type Gender } from './manifest';
export { importCorpus, scanCorpus, type ImportOptions, type ScanItem } from './scan-corpus';
export { manifestVersion, classCounts, speakerCounts } from './dataset-version';
export { assertInsideRoots, AUDIO_EXTENSIONS, isInside } from './paths';
export { PLATFORM_LABELS, normaliseEmotionName, type PlatformLabel } from './emotion-labels';
export { IEMOCAP_PROTOCOL } from './importers/iemocap';
export { EMODB_SPEAKER_GENDERS } from './importers/emodb';
export { DEFAULT_MANIFEST_FILES } from './importers/manifest-file';
