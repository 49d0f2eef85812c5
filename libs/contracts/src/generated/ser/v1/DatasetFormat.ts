// Original file: proto/ser/v1/common.proto

/**
 * How a corpus is laid out on disk, which decides how labels and speakers are read.
 */
export const DatasetFormat = {
  /**
   * Not set; ingestion rejects it.
   */
  DATASET_FORMAT_UNSPECIFIED: 'DATASET_FORMAT_UNSPECIFIED',
  /**
   * IEMOCAP release layout: Session* /sentences/wav plus EmoEvaluation label files.
   */
  DATASET_FORMAT_IEMOCAP: 'DATASET_FORMAT_IEMOCAP',
  /**
   * One sub-folder per class label holding the audio files (e.g. Angry/, Happy/ ...).
   */
  DATASET_FORMAT_FOLDER_PER_CLASS: 'DATASET_FORMAT_FOLDER_PER_CLASS',
  /**
   * A CSV manifest with path,label[,speaker,session,gender] columns next to the audio.
   */
  DATASET_FORMAT_MANIFEST: 'DATASET_FORMAT_MANIFEST',
} as const;

/**
 * How a corpus is laid out on disk, which decides how labels and speakers are read.
 */
export type DatasetFormat =
  /**
   * Not set; ingestion rejects it.
   */
  | 'DATASET_FORMAT_UNSPECIFIED'
  | 0
  /**
   * IEMOCAP release layout: Session* /sentences/wav plus EmoEvaluation label files.
   */
  | 'DATASET_FORMAT_IEMOCAP'
  | 1
  /**
   * One sub-folder per class label holding the audio files (e.g. Angry/, Happy/ ...).
   */
  | 'DATASET_FORMAT_FOLDER_PER_CLASS'
  | 2
  /**
   * A CSV manifest with path,label[,speaker,session,gender] columns next to the audio.
   */
  | 'DATASET_FORMAT_MANIFEST'
  | 3

/**
 * How a corpus is laid out on disk, which decides how labels and speakers are read.
 */
export type DatasetFormat__Output = typeof DatasetFormat[keyof typeof DatasetFormat]
