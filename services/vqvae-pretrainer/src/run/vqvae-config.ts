// The VQ-VAE pre-training config lives in @ser/runs (libs/runs/src/configs/vqvae-pretrain-config.ts): the gateway
// validates a run with it when it queues one while no trainer is up.
export { vqvaeConfigSchema, type VqvaePretrainConfig } from '@ser/runs';
