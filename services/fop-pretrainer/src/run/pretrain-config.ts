// The FOP pre-training config lives in @ser/runs (libs/runs/src/configs/fop-pretrain-config.ts): the gateway
// validates a run with it when it queues one while no trainer is up.
export { pretrainConfigSchema, type PretrainConfig } from '@ser/runs';
