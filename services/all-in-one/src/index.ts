export { startAll, type RunningSystem } from './start-all';
