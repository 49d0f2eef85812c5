import { describe, expect, it } from 'vitest';
import { confusionMatrixPng, confusionMatrixSpec } from './confusion';
import { specToSvg } from './render';
import { tsne2d, tsnePng } from './tsne';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** Width and height from the IHDR chunk, which a valid PNG has first. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

const MATRIX = { labels: ['angry', 'happy', 'neutral', 'sad'], counts: [5, 1, 0, 0, 2, 3, 1, 0, 0, 1, 4, 1, 0, 0, 2, 6], title: 'Fusion TACN' };

describe('PNG writers', () => {
  it('draws a confusion matrix as a valid PNG whose size follows the matrix, with every count in the picture', async () => {
    const png = await confusionMatrixPng(MATRIX);
    const { width, height } = pngSize(png);
    // 4 cells of 80 px, twice for scale 2, plus title, axes and legend.
    expect(width).toBeGreaterThan(2 * 4 * 80);
    expect(height).toBeGreaterThan(2 * 4 * 80);
    const svg = await specToSvg(confusionMatrixSpec(MATRIX));
    for (const label of MATRIX.labels) expect(svg).toContain(label);
    expect(svg).toContain('>6<'); // the sad/sad count as text
  });

  it('refuses counts that do not make a square matrix of the labels', () => {
    expect(() => confusionMatrixSpec({ ...MATRIX, counts: [1, 2, 3] })).toThrow(RangeError);
  });

  it('embeds two separated clusters apart with t-SNE and draws the panels as a PNG', async () => {
    const cluster = (centre: number) => Array.from({ length: 8 }, (_, i) => [centre + (i % 3) * 0.1, centre - (i % 2) * 0.1, centre]);
    const vectors = [...cluster(0), ...cluster(10)];
    const labels = vectors.map((_, i) => (i < 8 ? 'a' : 'b'));
    const points = tsne2d(vectors, { seed: 1, iterations: 300 });
    const centroid = (part: number[][]) => [0, 1].map((d) => part.reduce((s, p) => s + p[d]!, 0) / part.length);
    const [a, b] = [centroid(points.slice(0, 8)), centroid(points.slice(8))];
    const spread = Math.max(...points.slice(0, 8).map((p) => Math.hypot(p[0]! - a[0]!, p[1]! - a[1]!)));
    expect(Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!)).toBeGreaterThan(spread);
    const png = await tsnePng(
      [
        { name: 'Deep', vectors, labels },
        { name: 'Fusion', vectors, labels },
      ],
      't-SNE',
      { seed: 1, iterations: 100 },
    );
    const { width } = pngSize(png);
    expect(width).toBeGreaterThan(2 * 2 * 260); // two 260-px panels at scale 2
  });
});
