// Builds the web console when its build output is missing or older than its sources (as `npm start` does), so the
// tests that start the platform find it ready instead of each building it.
import { ensureConsoleBuilt } from '../services/all-in-one/src/console-build';

await ensureConsoleBuilt((line) => process.stdout.write(`${line}\n`));
