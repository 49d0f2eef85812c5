// Vega-Lite specs -> SVG (vega's headless 'none' renderer) -> PNG (resvg). No browser or canvas needed.
import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/** The SVG of a Vega-Lite spec. */
export async function specToSvg(spec: TopLevelSpec): Promise<string> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** The PNG of a Vega-Lite spec, rendered at `scale` times its size (2: sharp on high-density screens). */
export async function specToPng(spec: TopLevelSpec, scale = 2): Promise<Buffer> {
  const svg = await specToSvg(spec);
  // System fonts: resvg draws no text without a font; every Linux/macOS/Windows machine has a sans-serif.
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
    background: 'white',
  });
  return resvg.render().asPng();
}
