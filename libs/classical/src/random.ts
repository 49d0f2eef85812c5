/** mulberry32 (@ser/random): seeded uniform floats in [0, 1), so forests and toy data are reproducible from a seed. */
export { mulberry32 } from '@ser/random';
