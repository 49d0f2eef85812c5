import type { CorpusFormat } from '@ser/events';
import type { CorpusImporter } from './candidate';
import { importCremaD } from './crema-d';
import { importEmodb } from './emodb';
import { importIemocap } from './iemocap';
import { importManifestFile } from './manifest-file';
import { importRavdess } from './ravdess';
import { importTess } from './tess';
import { importUnlabelled } from './unlabelled';
import { importUrdu } from './urdu';

// A Record over CorpusFormat: adding a format to @ser/events fails to compile until it has an importer.
export const IMPORTERS: Readonly<Record<CorpusFormat, CorpusImporter>> = {
  iemocap: importIemocap,
  ravdess: importRavdess,
  'crema-d': importCremaD,
  emodb: importEmodb,
  tess: importTess,
  urdu: importUrdu,
  manifest: importManifestFile,
  unlabelled: importUnlabelled,
};
