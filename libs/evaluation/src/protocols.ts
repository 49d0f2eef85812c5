import { z } from 'zod';
import { assertUniqueIds, sortedUnique, type EvaluationItem } from './items';
import { crossCorpusFold } from './cross-corpus';
import { stratifiedSplit } from './stratified-split';

/**
 * How a run splits its corpus into train / test, chosen per run and saved with it (plain JSON).
 * - speaker-holdout: the FOP paper's speaker-independent hold-out. The test speakers are `testSpeakers` when
 *   given; otherwise the first `nTestSpeakers` (default 2) of `speakerOrder`, or of the sorted speaker ids.
 * - leave-one-session-out: one fold per session (IEMOCAP's 5 folds). Speaker-independent only when no speaker
 *   appears in two sessions; that is checked, and refused unless `allowSpeakersAcrossSessions` is set.
 * - leave-one-speaker-out: one fold per speaker.
 * - leave-speakers-out: grouped k-fold, each fold holding out a group of speakers: `groups` as given, or the sorted
 *   speaker ids cut into `folds` consecutive groups (RAVDESS, 6 folds: actors 1-4, 5-8, ..., two men and two women
 *   each). Every speaker is tested exactly once.
 * - stratified-holdout: random `testFraction` (default 0.2) per label, seeded; NOT speaker-independent.
 * - cross-corpus: one fold that tests on every utterance of `testDatasets` and trains on the run's dataset plus
 *   `trainAlsoDatasets` (cross-corpus.ts); labels are matched by name.
 */
export const evaluationProtocolSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('speaker-holdout'),
      testSpeakers: z.array(z.string()).min(1).optional(),
      speakerOrder: z.array(z.string()).min(2).optional(),
      nTestSpeakers: z.number().int().positive().optional(),
    })
    .strict(),
  z.object({ kind: z.literal('leave-one-session-out'), allowSpeakersAcrossSessions: z.boolean().optional() }).strict(),
  z.object({ kind: z.literal('leave-one-speaker-out') }).strict(),
  z
    .object({
      kind: z.literal('leave-speakers-out'),
      folds: z.number().int().min(2).optional(),
      groups: z.array(z.array(z.string()).min(1)).min(2).optional(),
    })
    .strict()
    .refine((p) => (p.folds === undefined) !== (p.groups === undefined), { message: 'leave-speakers-out takes either folds or groups' }),
  z.object({ kind: z.literal('stratified-holdout'), testFraction: z.number().gt(0).lt(1).optional() }).strict(),
  z
    .object({ kind: z.literal('cross-corpus'), testDatasets: z.array(z.string().min(1)).min(1), trainAlsoDatasets: z.array(z.string().min(1)).optional() })
    .strict()
    .refine((p) => new Set([...p.testDatasets, ...(p.trainAlsoDatasets ?? [])]).size === p.testDatasets.length + (p.trainAlsoDatasets?.length ?? 0), {
      message: 'cross-corpus names a dataset twice (a test dataset is never trained on)',
    }),
]);

export type EvaluationProtocol = z.infer<typeof evaluationProtocolSchema>;

/** Validates a protocol read from YAML/JSON; unknown keys and wrong types throw. */
export function parseEvaluationProtocol(input: unknown): EvaluationProtocol {
  return evaluationProtocolSchema.parse(input);
}

export interface Fold {
  name: string;
  train: string[]; // utterance ids
  test: string[]; // utterance ids
  /** True when no speaker of `test` appears in `train`. */
  speakerIndependent: boolean;
}

const DEFAULT_TEST_SPEAKERS = 2; // "the first two speakers are the test set" (FOP paper, speaker-independent setup)
const DEFAULT_TEST_FRACTION = 0.2; // the usual 80/20 random split

/** True for protocols whose folds must never share a speaker between train and test. */
export function isSpeakerIndependent(protocol: EvaluationProtocol): boolean {
  return protocol.kind !== 'stratified-holdout';
}

/** Splits items into folds. `seed` only matters for `stratified-holdout`; the others are deterministic. */
export function makeFolds(items: readonly EvaluationItem[], protocol: EvaluationProtocol, seed: number): Fold[] {
  const parsed = parseEvaluationProtocol(protocol);
  if (items.length === 0) throw new Error('makeFolds: no items');
  assertUniqueIds(items);
  switch (parsed.kind) {
    case 'speaker-holdout':
      return [speakerHoldout(items, parsed)];
    case 'leave-one-session-out':
      return leaveOneSessionOut(items, parsed.allowSpeakersAcrossSessions ?? false);
    case 'leave-one-speaker-out':
      return leaveOneGroupOut(items, (item) => item.speaker, 'speaker').map((fold) => ({
        ...fold,
        speakerIndependent: true,
      }));
    case 'leave-speakers-out':
      return leaveSpeakersOut(items, parsed.groups ?? consecutiveGroups(sortedUnique(items.map((item) => item.speaker)), parsed.folds!));
    case 'stratified-holdout': {
      const { kept, heldOut } = stratifiedSplit(items, parsed.testFraction ?? DEFAULT_TEST_FRACTION, seed);
      const train = kept.map((item) => item.utteranceId);
      const test = heldOut.map((item) => item.utteranceId);
      return [{ name: 'stratified-holdout', train, test, speakerIndependent: sharesNoSpeaker(items, train, test) }];
    }
    case 'cross-corpus':
      return [crossCorpusFold(items, parsed)];
  }
}

function speakerHoldout(items: readonly EvaluationItem[], protocol: Extract<EvaluationProtocol, { kind: 'speaker-holdout' }>): Fold {
  const speakers = sortedUnique(items.map((item) => item.speaker));
  const known = new Set(speakers);
  let testSpeakers: string[];
  if (protocol.testSpeakers) {
    testSpeakers = sortedUnique(protocol.testSpeakers);
  } else {
    const order = protocol.speakerOrder ?? speakers;
    const n = protocol.nTestSpeakers ?? DEFAULT_TEST_SPEAKERS;
    testSpeakers = order.filter((speaker) => known.has(speaker)).slice(0, n);
  }
  for (const speaker of testSpeakers) {
    if (!known.has(speaker)) throw new Error(`speaker-holdout: test speaker "${speaker}" has no items`);
  }
  if (testSpeakers.length >= speakers.length) {
    throw new Error(`speaker-holdout: ${testSpeakers.length} test speakers leave no training speaker`);
  }
  const isTest = new Set(testSpeakers);
  return {
    name: `speaker-holdout[${testSpeakers.join(',')}]`,
    train: items.filter((item) => !isTest.has(item.speaker)).map((item) => item.utteranceId),
    test: items.filter((item) => isTest.has(item.speaker)).map((item) => item.utteranceId),
    speakerIndependent: true,
  };
}

/** `speakers` cut into `folds` consecutive groups whose sizes differ by at most one. */
function consecutiveGroups(speakers: readonly string[], folds: number): string[][] {
  if (speakers.length < folds) throw new Error(`leave-speakers-out: ${folds} folds need at least ${folds} speakers, found ${speakers.length}`);
  return Array.from({ length: folds }, (_, f) => speakers.slice(Math.round((f * speakers.length) / folds), Math.round(((f + 1) * speakers.length) / folds)));
}

function leaveSpeakersOut(items: readonly EvaluationItem[], groups: readonly (readonly string[])[]): Fold[] {
  const known = new Set(items.map((item) => item.speaker));
  const seen = new Set<string>();
  for (const speaker of groups.flat()) {
    if (!known.has(speaker)) throw new Error(`leave-speakers-out: speaker "${speaker}" has no items`);
    if (seen.has(speaker)) throw new Error(`leave-speakers-out: speaker "${speaker}" is in two groups`);
    seen.add(speaker);
  }
  const untested = [...known].filter((speaker) => !seen.has(speaker));
  if (untested.length > 0) throw new Error(`leave-speakers-out: speakers ${sortedUnique(untested).join(', ')} are in no group, so never tested`);
  return groups.map((group) => {
    const held = new Set(group);
    return {
      name: `speakers[${[...group].sort().join(',')}]`,
      train: items.filter((item) => !held.has(item.speaker)).map((item) => item.utteranceId),
      test: items.filter((item) => held.has(item.speaker)).map((item) => item.utteranceId),
      speakerIndependent: true,
    };
  });
}

function leaveOneSessionOut(items: readonly EvaluationItem[], allowSpeakersAcrossSessions: boolean): Fold[] {
  const sessionsOf = new Map<string, Set<string>>();
  for (const item of items) sessionsOf.set(item.speaker, (sessionsOf.get(item.speaker) ?? new Set()).add(item.session));
  const shared = [...sessionsOf].filter(([, sessions]) => sessions.size > 1).map(([speaker]) => speaker);
  if (shared.length > 0 && !allowSpeakersAcrossSessions) {
    throw new Error(
      `leave-one-session-out: speakers ${sortedUnique(shared).join(', ')} appear in several sessions, so the folds ` +
        'would not be speaker-independent; set allowSpeakersAcrossSessions to accept that',
    );
  }
  return leaveOneGroupOut(items, (item) => item.session, 'session').map((fold) => ({
    ...fold,
    speakerIndependent: sharesNoSpeaker(items, fold.train, fold.test),
  }));
}

function leaveOneGroupOut(items: readonly EvaluationItem[], groupOf: (item: EvaluationItem) => string, what: string): Omit<Fold, 'speakerIndependent'>[] {
  const groups = sortedUnique(items.map(groupOf));
  if (groups.length < 2) throw new Error(`leave-one-${what}-out needs at least 2 ${what}s, found ${groups.length}`);
  return groups.map((group) => ({
    name: `${what}-${group}`,
    train: items.filter((item) => groupOf(item) !== group).map((item) => item.utteranceId),
    test: items.filter((item) => groupOf(item) === group).map((item) => item.utteranceId),
  }));
}

function sharesNoSpeaker(items: readonly EvaluationItem[], train: readonly string[], test: readonly string[]): boolean {
  const speakerOf = new Map(items.map((item) => [item.utteranceId, item.speaker]));
  const trainSpeakers = new Set(train.map((id) => speakerOf.get(id)));
  return test.every((id) => !trainSpeakers.has(speakerOf.get(id)));
}
