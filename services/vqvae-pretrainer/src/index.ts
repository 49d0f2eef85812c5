export { startVqvaePretrainerService } from './service';
