import type { CompiledCodebook } from './codebook.js';
import { loadCodebook } from './codebook.js';
import type { FeatureResources } from './model/features.js';
import { loadModel, type LoadedModel } from './model/model-file.js';
import { DEFAULT_MODEL_DIR } from './resources/data-files.js';
import { loadFeatureResources } from './resources/index.js';
import { NO_ALIASES, type AliasTable } from './aliases.js';

/** Everything document analysis reads besides the document: loaded once, shared by all documents. */
export interface NlpContext {
  model: LoadedModel;
  resources: FeatureResources;
  codebook: CompiledCodebook;
  aliases: AliasTable;
}

export { DEFAULT_MODEL_DIR };

export function createContext(options: { codebook?: CompiledCodebook; modelDir?: string; aliases?: AliasTable } = {}): NlpContext {
  return {
    model: loadModel(options.modelDir ?? DEFAULT_MODEL_DIR),
    resources: loadFeatureResources(),
    codebook: options.codebook ?? loadCodebook(),
    aliases: options.aliases ?? NO_ALIASES,
  };
}
