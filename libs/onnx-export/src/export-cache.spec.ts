import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLocalArtifactStore } from '@ser/artifacts';
import { keptOnnxExport, keptOnnxExportKey } from './export-cache';

// The registry writes the export at keptOnnxExportKey and inference reads it with keptOnnxExport: one key, two users.
describe('kept ONNX export', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ser-export-cache-'));
  const artifacts = createLocalArtifactStore(dir);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("is kept in the kept model's exports folder, named by version id, whatever trailing slashes the key has", () => {
    expect(keptOnnxExportKey('models/run-1', 'v7')).toBe('models/run-1/exports/v7.onnx');
    expect(keptOnnxExportKey('models/run-1//', 'v7')).toBe('models/run-1/exports/v7.onnx');
  });

  it('is read back from where it was written, and is null for a kept model without one', async () => {
    await artifacts.put(keptOnnxExportKey('models/run-1', 'v7'), Buffer.from('onnx bytes'));
    expect((await keptOnnxExport(artifacts, 'models/run-1'))?.toString()).toBe('onnx bytes');
    // models/run-10 starts with models/run-1: a plain prefix would find run-1's export for it.
    expect(await keptOnnxExport(artifacts, 'models/run-10')).toBeNull();
  });
});
