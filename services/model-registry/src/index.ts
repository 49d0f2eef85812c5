export { startModelRegistryService } from './service';
