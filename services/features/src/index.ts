export { startFeaturesService } from './service';
export { Ingestor, type IngestorOptions, type IngestCommand } from './ingest/ingestor';
