export { initTfjs, type InitTfjsOptions, type TfjsRuntime, type Tfjs } from './init-tfjs';
export { AUTO_ORDER, BACKEND_ENV_VAR, BACKEND_KINDS, backendFromEnv, isBackendKind, type BackendKind } from './kinds';
export { BackendUnavailableError, type UnavailableReason } from './errors';
export type { BackendCandidate } from './candidates';
export { wasmBinaryDir } from './wasm-paths';
export { nativeOps, type NativeOps, type NativeOpAttr, type Int64Input } from './native-ops';
export { customOpsState, type CustomOp, type CustomOpsState } from './custom-ops';
