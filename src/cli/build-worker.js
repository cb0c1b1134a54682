// Worker thread of `kg build`: registers the TypeScript loader, then runs the extraction loop.
import { register } from 'tsx/esm/api';

register();
await import('./build-worker-main.ts');
