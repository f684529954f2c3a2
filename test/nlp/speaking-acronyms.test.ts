import { describe, expect, it } from 'vitest';
import { createContext } from '../../src/nlp/index.js';
import { addSpeakingAcronyms } from '../../src/nlp/speaking-acronyms.js';
import { splitSentences } from '../../src/nlp/sentences.js';
import { tokenize } from '../../src/nlp/tokenize.js';
import { inCapitalLines } from '../../src/nlp/word-classes.js';

// The stage alone, on no tagged spans, so each row tests one of its rules and not the tagger.
const resources = createContext({}).resources;
function added(text: string): string[] {
  const tokens = tokenize(text);
  const spans = addSpeakingAcronyms(text, tokens, inCapitalLines(tokens, splitSentences(text, tokens)), [], resources);
  return spans.map((s) => tokens.slice(s.first, s.last).map((t) => t.text).join(' '));
}

describe('speaking acronyms (the stage alone)', () => {
  it.each([
    ['a verb of speaking', 'KVRA urged the port authorities to act.', ['KVRA']],
    ['an adverb between', 'TOLMAR also recommended audits.', ['TOLMAR']],
    ['"calls on"', 'ZEDRA calls on donors to act.', ['ZEDRA']],
    ['after an opening quote', 'She read the statement: "KVRA said it would act."', ['KVRA']],
  ])('finds: %s', (_, text, expected) => {
    expect(added(text)).toEqual(expected);
  });

  it.each([
    ['a verb that does not speak', 'KELTAP pays for fuel in winter.'],
    ['"called" naming something', 'Listeners tuned in to radio QR called Morning Hour.'],
    ['a passive', 'KELTAP praised by governors as a success.'],
    ['after a title', 'Senator VORNAK expressed the view that the bill went too far.'],
    ['a headline in capitals', 'VORNAK SAID TO BACK NEW BILL ON FARM AID'],
    ['a place', 'UK said it would send a delegation.'],
    ['an ordinary word', 'The TV said nothing about it.'],
    ['a person known by initials', 'JFK said the nation would go to the moon.'],
    ['after an article', 'An MP said the plan was late.'],
    ['after a party letter', 'Senator Alexander R TN said the bill passed.'],
    ['digits', 'HR5 says the fund must close.'],
    ['the end of a split word', 'The station 6PR said it would broadcast the match.'],
    ['a stripped quotation', 'free digital TV     said Allard after the vote'],
    ['"appeals" as a noun', 'FOIA appeals are rarely granted.'],
  ])('adds nothing: %s', (_, text) => {
    expect(added(text)).toEqual([]);
  });
});
