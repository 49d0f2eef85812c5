import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { isS3Uri } from '@ser/artifacts';
import { assertInsideRoots } from '@ser/corpora';
import { DomainError, failedPrecondition, invalidArgument } from '@ser/grpc-kit';
import { resolveCorpusLocation } from './corpus-location';
import { assertS3CorpusAllowed, fetchS3CorpusFile, type S3CorpusOptions } from './s3-corpus';

/** Where this replica may read corpora from: the same settings ingestion uses (IngestorOptions). */
export interface CorpusSources {
  /** Folders, and s3://bucket/prefix locations, corpora must lie under. */
  corpusRoots: string[];
  /** How s3:// corpora are reached and cached; without it s3:// sources are not read. */
  s3Corpora?: S3CorpusOptions;
}

/** A stored path as ingestion writes it: relative, '/'-separated, no empty, '.' or '..' segment. */
const isPlainRelativePath = (path: string) => path !== '' && path.split('/').every((s) => s !== '' && s !== '.' && s !== '..');

/**
 * One file of an ingested corpus, read where ingestion reads it: under the source folder, or from this replica's
 * cached copy of an s3:// source. The source must still lie under the corpus roots, as at ingestion. A path that
 * leaves the source (lexically or through a symbolic link) is INVALID_ARGUMENT; a source or file that cannot be
 * read is FAILED_PRECONDITION, since the caller named a stored utterance and can do nothing about its disk.
 */
export async function readCorpusFile(sources: CorpusSources, sourceUri: string, path: string): Promise<Buffer> {
  if (!isPlainRelativePath(path)) throw invalidArgument(`stored path '${path}' leaves its corpus source ${sourceUri}`);
  const file = isS3Uri(sourceUri) ? await s3File(sources, sourceUri, path) : localFile(sources, sourceUri, path);
  try {
    return await readFile(file);
  } catch (err) {
    throw failedPrecondition(`'${path}' of corpus ${sourceUri} is not readable: ${(err as Error).message}`, 'CORPUS_FILE_UNREADABLE');
  }
}

function localFile(sources: CorpusSources, sourceUri: string, path: string): string {
  const roots = sources.corpusRoots.filter((r) => !isS3Uri(r)).map((r) => resolve(r));
  const root = unreadableSource(sourceUri, () => resolveCorpusLocation(sourceUri, roots));
  try {
    return assertInsideRoots(join(root, path), [root]);
  } catch {
    throw invalidArgument(`stored path '${path}' leaves its corpus source ${sourceUri} through a symbolic link`);
  }
}

async function s3File(sources: CorpusSources, sourceUri: string, path: string): Promise<string> {
  const s3 = sources.s3Corpora;
  if (!s3) throw failedPrecondition(`this features service reads no s3:// corpora, and ${sourceUri} is one`, 'CORPUS_FILE_UNREADABLE');
  unreadableSource(sourceUri, () => assertS3CorpusAllowed(sourceUri, sources.corpusRoots));
  try {
    return await fetchS3CorpusFile(s3, sourceUri, path);
  } catch (err) {
    throw failedPrecondition(`'${path}' of corpus ${sourceUri} is not readable: ${(err as Error).message}`, 'CORPUS_FILE_UNREADABLE');
  }
}

/** The source checks ingestion makes, their refusals turned into FAILED_PRECONDITION: the stored source is at fault, not the caller. */
function unreadableSource<T>(sourceUri: string, check: () => T): T {
  try {
    return check();
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    throw failedPrecondition(`corpus source ${sourceUri} cannot be read here: ${err.message}`, 'CORPUS_FILE_UNREADABLE');
  }
}
