import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { encodeWav } from '@ser/audio';

/** Test helper: tiny corpora written into fresh temp folders, removed again by `removeAll`. */
export class TinyCorpora {
  private readonly made: string[] = [];

  async root(prefix = 'corpus'): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), `ser-corpora-${prefix}-`));
    this.made.push(dir);
    return dir;
  }

  async removeAll(): Promise<void> {
    await Promise.all(this.made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  }
}

export const SAMPLE_RATE = 16_000;

/** A valid 16-bit WAV of `seconds`; `seed` changes the tone, so distinct seeds give distinct hashes. */
export async function writeWav(root: string, path: string, seed = 1, seconds = 0.02): Promise<void> {
  const samples = Float32Array.from(
    { length: Math.round(SAMPLE_RATE * seconds) },
    (_, i) => 0.5 * Math.sin((2 * Math.PI * (200 + 10 * seed) * i) / SAMPLE_RATE),
  );
  await writeBytes(root, path, encodeWav(samples, SAMPLE_RATE));
}

export async function writeText(root: string, path: string, text: string): Promise<void> {
  await writeBytes(root, path, new TextEncoder().encode(text));
}

export async function writeBytes(root: string, path: string, bytes: Uint8Array): Promise<void> {
  await mkdir(dirname(join(root, path)), { recursive: true });
  await writeFile(join(root, path), bytes);
}
