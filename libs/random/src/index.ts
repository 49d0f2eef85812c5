export { mulberry32, mulberry32Uint32, type Random } from './mulberry32';
