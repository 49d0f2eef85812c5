export { startFopPretrainerService } from './service';
