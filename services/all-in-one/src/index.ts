export { startAll, type RunningSystem } from './start-all';
export { seedDemoCorpus } from './seed-demo';
export {
  trainDemoModel,
  DEMO_MODEL_CAVEAT,
  DEMO_MODEL_NAME,
  DEMO_DATASET,
  DEMO_PRETRAIN_CONFIG,
  DEMO_CLASSIFIER_CONFIG,
  type DemoModelOptions,
} from './demo-model';
