export { startClassifierTrainerService } from './service';
