import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AudioDecodeError } from './errors';
import { NEEDS_SEEKABLE_INPUT, type AudioContainer } from './sniff';
import { decodeWav, type DecodedWav } from './wav-decode';

export interface FfmpegOptions {
  /** The ffmpeg executable; default $SER_FFMPEG or 'ffmpeg' on PATH; null decodes in-process only ('tool-missing' otherwise). */
  ffmpegPath?: string | null;
  /** Kill ffmpeg after this long; default 60 s. */
  timeoutMs?: number;
}

/**
 * Decodes any container ffmpeg reads into float32 WAV at the file's own rate with all its
 * channels, then through decodeWav: mixing down and resampling stay in this library, so a FLAC
 * and the WAV it came from give the same samples as torchaudio would (ffmpeg's -ac/-ar differ).
 */
export async function decodeWithFfmpeg(bytes: Uint8Array, container: AudioContainer, options: FfmpegOptions = {}): Promise<DecodedWav> {
  if (options.ffmpegPath === null) throw new AudioDecodeError('tool-missing', `decoding ${container} audio needs ffmpeg, which this caller turned off`);
  const ffmpeg = options.ffmpegPath ?? process.env['SER_FFMPEG'] ?? 'ffmpeg';
  // MP4-family files often keep their index at the end; ffmpeg cannot seek in a pipe.
  const tempDir = NEEDS_SEEKABLE_INPUT.has(container) ? await mkdtemp(join(tmpdir(), 'ser-audio-')) : undefined;
  try {
    let input = 'pipe:0';
    if (tempDir) {
      input = join(tempDir, `input.${container}`);
      await writeFile(input, bytes);
    }
    const args = ['-hide_banner', '-loglevel', 'error', '-i', input, '-map', '0:a:0', '-f', 'wav', '-c:a', 'pcm_f32le', 'pipe:1'];
    const wav = await run(ffmpeg, args, tempDir ? undefined : bytes, options.timeoutMs ?? 60_000, container);
    return decodeWav(wav);
  } finally {
    if (tempDir) await rm(tempDir, { recursive: true, force: true });
  }
}

function run(command: string, args: string[], stdin: Uint8Array | undefined, timeoutMs: number, container: string): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'], timeout: timeoutMs });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    // ffmpeg may stop reading early (bad input); that EPIPE is reported through its exit status.
    child.stdin.on('error', () => undefined);
    child.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') {
        reject(
          new AudioDecodeError(
            'tool-missing',
            `decoding ${container} audio needs ffmpeg, which was not found (tried "${command}"); install ffmpeg or set SER_FFMPEG`,
            { cause: error },
          ),
        );
      } else reject(new AudioDecodeError('tool-failed', `could not run ffmpeg ("${command}"): ${error.message}`, { cause: error }));
    });
    child.on('close', (code, signal) => {
      if (code === 0) return resolve(Buffer.concat(out));
      const detail = Buffer.concat(err).toString('utf8').trim().split('\n').slice(-3).join(' | ');
      const how = signal ? `was killed (${signal})` : `exited with ${code}`;
      reject(new AudioDecodeError('tool-failed', `ffmpeg ${how} decoding ${container} audio: ${detail || 'no message'}`));
    });
    child.stdin.end(stdin);
  });
}
