// Original file: proto/ser/v1/classifier_training_service.proto


/**
 * One test utterance's representations, each the mean over its segments.
 */
export interface UtteranceRepresentation {
  /**
   * The utterance id in the dataset.
   */
  'utteranceId'?: (string);
  /**
   * Its true label.
   */
  'label'?: (string);
  /**
   * The CNN's deep representation.
   */
  'deep'?: (number | string)[];
  /**
   * The fusion layer's output (deep and VQ-VAE latent); empty for 'deep' runs.
   */
  'fused'?: (number | string)[];
}

/**
 * One test utterance's representations, each the mean over its segments.
 */
export interface UtteranceRepresentation__Output {
  /**
   * The utterance id in the dataset.
   */
  'utteranceId': (string);
  /**
   * Its true label.
   */
  'label': (string);
  /**
   * The CNN's deep representation.
   */
  'deep': (number)[];
  /**
   * The fusion layer's output (deep and VQ-VAE latent); empty for 'deep' runs.
   */
  'fused': (number)[];
}
