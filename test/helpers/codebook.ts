import { compileCodebook } from '../../src/nlp/codebook.js';
import { Codebook } from '../../src/schema/codebook.js';

/** A small codebook for tests that exercise the matcher, independent of the default codebook's content. */
export const TEST_CODEBOOK = compileCodebook(
  Codebook.parse({
    name: 'test',
    version: '1.0.0',
    themes: [
      {
        id: 'cyber',
        label: 'Cyber',
        description: 'Cyber security.',
        terms: ['ransomware', 'cybersecurity', { text: 'attack', weight: 0.5, requires: ['cyber', 'network'] }],
        phrases: ['cyber security', 'cyber attack'],
        exclusions: ['cyber monday'],
        threshold: 2,
        minSentences: 2,
      },
      {
        id: 'migration',
        label: 'Migration',
        description: 'Migration and asylum.',
        terms: ['migrant', 'asylum', 'refugee'],
        phrases: ['border management'],
        threshold: 2,
        minSentences: 1,
      },
    ],
  }),
);
