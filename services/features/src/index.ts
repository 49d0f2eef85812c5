export { startFeaturesService } from './service';
