export { startModelRegistryService } from './service';
export { DEFAULT_ALIAS } from './model-registry';
