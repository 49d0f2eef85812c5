export { createGateway, type GatewayOptions, type RunningGateway } from './create-gateway';
export { ensureBootstrapToken, ensureSecretAdminToken, readBootstrapSecret, BOOTSTRAP_ENV, BOOTSTRAP_TOKEN_FILE } from './auth/bootstrap-token';
export { loadTrustedDocuments } from './trusted-documents';
export { parseGlobalId, toGlobalId, type NodeType } from './resolvers/global-ids';
