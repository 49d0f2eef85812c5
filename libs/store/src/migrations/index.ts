import { initial } from './0001-initial';
import { ingestionWork } from './0002-ingestion-work';
import { runNames } from './0003-run-names';
import type { Migration } from './migration';

export type { Migration } from './migration';

/** Every migration, oldest first. */
export const MIGRATIONS: readonly Migration[] = [initial, ingestionWork, runNames];
