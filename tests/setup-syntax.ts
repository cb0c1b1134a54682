// Tests run the extractor as `kg build` does: with the shipped tagger and parser read from disk.
import { installSyntaxModels } from '../src/cli/syntax-models.ts';

installSyntaxModels();
