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
   * IEMOCAP release layout: Session* /sentences/wav plus EmoEvaluation label files (4-class protocol).
   */
  DATASET_FORMAT_IEMOCAP: 'DATASET_FORMAT_IEMOCAP',
  /**
   * RAVDESS: Actor_XX/03-01-EE-II-SS-RR-AA.wav, emotion and actor in the file name.
   */
  DATASET_FORMAT_RAVDESS: 'DATASET_FORMAT_RAVDESS',
  /**
   * A CSV or JSONL manifest with path,label[,speaker,session,split,gender] next to the audio.
   */
  DATASET_FORMAT_MANIFEST: 'DATASET_FORMAT_MANIFEST',
  /**
   * CREMA-D: AudioWAV/1001_DFA_ANG_XX.wav.
   */
  DATASET_FORMAT_CREMA_D: 'DATASET_FORMAT_CREMA_D',
  /**
   * EmoDB (Berlin): wav/03a01Fa.wav, emotion letter in the file name.
   */
  DATASET_FORMAT_EMODB: 'DATASET_FORMAT_EMODB',
  /**
   * TESS: <speaker>_<emotion>/<speaker>_<word>_<emotion>.wav.
   */
  DATASET_FORMAT_TESS: 'DATASET_FORMAT_TESS',
  /**
   * URDU: one folder per emotion (Angry/, Happy/, Neutral/, Sad/), speaker in the file name.
   */
  DATASET_FORMAT_URDU: 'DATASET_FORMAT_URDU',
  /**
   * Unlabelled audio below a root (VCTK style), for pre-training.
   */
  DATASET_FORMAT_UNLABELLED: 'DATASET_FORMAT_UNLABELLED',
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
   * IEMOCAP release layout: Session* /sentences/wav plus EmoEvaluation label files (4-class protocol).
   */
  | 'DATASET_FORMAT_IEMOCAP'
  | 1
  /**
   * RAVDESS: Actor_XX/03-01-EE-II-SS-RR-AA.wav, emotion and actor in the file name.
   */
  | 'DATASET_FORMAT_RAVDESS'
  | 2
  /**
   * A CSV or JSONL manifest with path,label[,speaker,session,split,gender] next to the audio.
   */
  | 'DATASET_FORMAT_MANIFEST'
  | 3
  /**
   * CREMA-D: AudioWAV/1001_DFA_ANG_XX.wav.
   */
  | 'DATASET_FORMAT_CREMA_D'
  | 4
  /**
   * EmoDB (Berlin): wav/03a01Fa.wav, emotion letter in the file name.
   */
  | 'DATASET_FORMAT_EMODB'
  | 5
  /**
   * TESS: <speaker>_<emotion>/<speaker>_<word>_<emotion>.wav.
   */
  | 'DATASET_FORMAT_TESS'
  | 6
  /**
   * URDU: one folder per emotion (Angry/, Happy/, Neutral/, Sad/), speaker in the file name.
   */
  | 'DATASET_FORMAT_URDU'
  | 7
  /**
   * Unlabelled audio below a root (VCTK style), for pre-training.
   */
  | 'DATASET_FORMAT_UNLABELLED'
  | 8

/**
 * How a corpus is laid out on disk, which decides how labels and speakers are read.
 */
export type DatasetFormat__Output = typeof DatasetFormat[keyof typeof DatasetFormat]
