// Original file: proto/ser/v1/common.proto

/**
 * Speaker gender as annotated by the corpus.
 */
export const Gender = {
  /**
   * Not annotated.
   */
  GENDER_UNSPECIFIED: 'GENDER_UNSPECIFIED',
  /**
   * Annotated female.
   */
  GENDER_FEMALE: 'GENDER_FEMALE',
  /**
   * Annotated male.
   */
  GENDER_MALE: 'GENDER_MALE',
} as const;

/**
 * Speaker gender as annotated by the corpus.
 */
export type Gender =
  /**
   * Not annotated.
   */
  | 'GENDER_UNSPECIFIED'
  | 0
  /**
   * Annotated female.
   */
  | 'GENDER_FEMALE'
  | 1
  /**
   * Annotated male.
   */
  | 'GENDER_MALE'
  | 2

/**
 * Speaker gender as annotated by the corpus.
 */
export type Gender__Output = typeof Gender[keyof typeof Gender]
