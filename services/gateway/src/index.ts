export { createGateway, type GatewayOptions, type RunningGateway } from './create-gateway';
