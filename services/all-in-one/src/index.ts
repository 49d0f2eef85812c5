export { startAll, type RunningSystem } from './start-all';
export { seedDemoCorpus } from './seed-demo';
