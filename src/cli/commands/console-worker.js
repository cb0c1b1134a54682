// Entry of the kg console worker thread: registers the TypeScript loader, then runs the worker.
import { register } from 'tsx/esm/api';

register();
await import('./console-worker.ts');
