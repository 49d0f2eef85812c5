export { startInferenceService } from './service';
