// Entry of worker threads whose code is TypeScript (running under tsx): Node checks an entry file's extension
// before any loader, and `--import tsx` does not reach ESM imports inside worker threads, so the thread starts
// here (JavaScript) and loads the real module through tsx's API.
import { workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

await tsImport(workerData.__tsEntry, import.meta.url);
