export { createGateway, type GatewayOptions, type RunningGateway } from './create-gateway';
export { ensureBootstrapToken, BOOTSTRAP_TOKEN_FILE } from './auth/bootstrap-token';
export { parseGlobalId, toGlobalId, type NodeType } from './resolvers/global-ids';
