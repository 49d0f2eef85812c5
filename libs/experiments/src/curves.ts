// Per-epoch training curves of a table cell's classifier run, gathered from the run's progress stream while the
// executor follows it, and written as one CSV per cell beside results.json (issue 13: curves as data). The
// classifier-trainer reports each epoch as losses {train, validation} with the note "repeat R fold F epoch E".
import type { RunProgress__Output } from '@ser/contracts';

export interface EpochPoint {
  repeat: number;
  fold: number;
  /** 0-based, as the trainer counts them. */
  epoch: number;
  trainLoss: number;
  /** Loss on the fold's validation share (early stopping's measure); null when the trainer reported none. */
  validationLoss: number | null;
}

const EPOCH_NOTE = /repeat (\d+) fold (\d+) epoch (\d+)/;

/** The epoch a progress event reports, or null for any other event (fold results, status changes). */
export function epochPoint(p: Pick<RunProgress__Output, 'losses' | 'message' | 'epoch'>): EpochPoint | null {
  const losses = p.losses ?? {};
  const note = EPOCH_NOTE.exec(p.message ?? '');
  if (typeof losses.train !== 'number' || !note) return null;
  const validation = losses.validation;
  return {
    repeat: Number(note[1]),
    fold: Number(note[2]),
    epoch: Number(note[3]),
    trainLoss: losses.train,
    validationLoss: typeof validation === 'number' && Number.isFinite(validation) ? validation : null,
  };
}

/** Collects a run's epochs; an epoch reported twice keeps its last values. */
export class CurveRecorder {
  private readonly points = new Map<string, EpochPoint>();

  record(p: Pick<RunProgress__Output, 'losses' | 'message' | 'epoch'>): void {
    const point = epochPoint(p);
    if (point) this.points.set(`${point.repeat}/${point.fold}/${point.epoch}`, point);
  }

  /** In repeat, fold, epoch order. */
  get curve(): EpochPoint[] {
    return [...this.points.values()].sort((a, b) => a.repeat - b.repeat || a.fold - b.fold || a.epoch - b.epoch);
  }
}

export const CURVE_COLUMNS = ['repeat', 'fold', 'epoch', 'train_loss', 'validation_loss'] as const;

/** The CSV text: a header, then one line per epoch (empty validation_loss when none was reported). */
export function curvesCsv(points: readonly EpochPoint[]): string {
  const lines = points.map((p) => [p.repeat, p.fold, p.epoch, p.trainLoss, p.validationLoss ?? ''].join(','));
  return `${[CURVE_COLUMNS.join(','), ...lines].join('\n')}\n`;
}

/** Where a cell's curves go, relative to results.json: curves/<row>__<column>.csv, keys made file-safe. */
export function curvesFileName(cell: { row: string; column: string }): string {
  const safe = (key: string) => key.replace(/[^A-Za-z0-9._-]+/g, '_');
  return `curves/${safe(cell.row)}__${safe(cell.column)}.csv`;
}
