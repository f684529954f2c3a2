import { describe, expect, it } from 'vitest';
import { foundMentions as found, itDoesNotFind, itFinds } from '../helpers/mentions.js';

describe('places by context', () => {
  itFinds([
    ['a place noun and "of"', 'Aid reached the border town of Kalvoro on Tuesday.', ['LOCATION:Kalvoro']],
    ['a list after a place noun', 'Clinics opened in the districts of Marveni, Tosholo and Ubanje.', ['LOCATION:Marveni', 'LOCATION:Tosholo', 'LOCATION:Ubanje']],
    ['a one-word name the tagger took for a person', 'Staff reached the border town of Ferrano by noon.', ['LOCATION:Ferrano']],
    ['the place noun is not part of the name', 'Farms in the south of the province of Welderland flooded.', ['LOCATION:Welderland']],
    ['a longer name only ever after "near" or "in" is a place', 'Two strikes hit near Kafr Dunaym, destroying a bunker.', ['LOCATION:Kafr Dunaym']],
    ['a country is a place even where it acts', 'Boats departing from Libya and Tunisia were stopped.', ['LOCATION:Libya', 'LOCATION:Tunisia']],
    ['a direction and "of"', 'The convoy stopped 20 km south-west of Qaryat Zahra on Monday.', ['LOCATION:Qaryat Zahra']],
    ['"the outskirts of"', 'Shelling hit the outskirts of Velmora overnight.', ['LOCATION:Velmora']],
  ]);

  itDoesNotFind(
    [
      ['a title in a list is no place', 'Present were Leeds, York, Senator and Hull officials.', /^LOCATION:Senator$/],
      ['a person after "city of" stays a person', "The city of Ada Lovelace's birth, London, honoured her.", /^LOCATION:Ada Lovelace$/],
      ['a person "married to" stays a person', 'She was married to Anton Belkovsky in 1901. Anton Belkovsky died in 1920.', /^LOCATION:Anton Belkovsky$/],
      ['a person met "in" a city stays a person', 'The envoy met Rami Haddad in Amman.', /^LOCATION:Rami Haddad$/],
      ['"Secretary of State" names no place', 'The Secretary of State Maria Olsen spoke.', /^LOCATION:Maria Olsen$/],
      ['a person after "west of" a full name stays a person', 'The farm lies west of John Harlan Meyer\'s ranch.', /^LOCATION:John Harlan Meyer$/],
    ],
    'not: %s',
  );
});

describe('a list of places before or after a plural place noun', () => {
  itFinds([
    ['after "counties are:"', 'Bordering counties are: Deer Lodge, Musselshell, Fallon and Wibaux.', ['LOCATION:Deer Lodge', 'LOCATION:Musselshell', 'LOCATION:Fallon', 'LOCATION:Wibaux']],
    ['before "counties"', 'Ranchers in Chouteau, Liberty, Toole and Hill counties may apply.', ['LOCATION:Chouteau', 'LOCATION:Toole', 'LOCATION:Hill']],
  ]);
  itDoesNotFind([
    ['adjectives before a plural place noun are no places', 'The Democratic and Republican districts voted on Tuesday.', /Democratic|Republican/],
    ['one name before a plural place noun is no list', 'Harris towns grew, he said.', /^LOCATION:Harris$/],
    ['a title after a listed place is no place', 'It is a great day for the whole city of Indianapolis, Mayor Peterson said.', /^LOCATION:Mayor$/],
  ]);
});

describe('treaties, laws and ships are not organisations', () => {
  itDoesNotFind([
    ["a treaty's acronym", 'States parties to the Arms Trade Treaty (ATT) met. The ATT bans transfers.', /:ATT$/],
    ["a law's name", 'The Clean Harbours Act was passed in May.', /^ORGANIZATION:Clean Harbours Act$/],
    ['a ship', 'The patrol vessel HMS Kestrel arrived in Portsmouth.', /Kestrel/],
  ]);

  itDoesNotFind([
    ["a name that opens a law's title", 'Lee cosponsored the Federal Aviation Administration Reauthorization Act on Monday.', /Federal Aviation Administration/],
    ["a place that opens a law's title", 'Lee backed the Iran Human Rights Act.', /Iran/],
    ["a law's acronym before its last word", 'Senator Lee introduced the Southeast Crescent Authority (SECA) Act on Monday. SECA would fund roads.', /SECA|Southeast Crescent/],
  ]);
  itFinds([
    ['a name before a comma and a law', 'In the Senate, the Healthy Families Act waits.', ['ORGANIZATION:Senate']],
    ['a title-case headline', 'Full Senate Passes Clean Water Act', ['ORGANIZATION:Senate']],
    ['a convention that is a meeting', 'Lee spoke at the National Rifle Association Convention on Saturday.', ['ORGANIZATION:National Rifle Association']],
  ]);

  it('keeps the acronym of a body named after a treaty', () => {
    expect(found('Inspectors of the Test-Ban Treaty Organization (TBTO) arrived. The TBTO said so.')).toContain('ORGANIZATION:TBTO');
  });
});

describe('conditions, documents, observances and awards are not organisations', () => {
  itDoesNotFind([
    ['a condition and its acronym', 'Veterans with Gulf War Stress Disorder (GWSD) need care. GWSD is treatable.', /GWSD|Disorder/],
    ['a document', 'Senators read the Regional Intelligence Estimate on Monday.', /Estimate/],
    ['an observance', 'The Senate marked National Rural Health Week in May.', /Week/],
    ['an award', 'Sergeant Lee was awarded the Air Force Achievement Medal for his service.', /Medal/],
  ]);
  itFinds([
    ['a body whose head word begins the name', 'The Northfield Center for Spinal Cord Injury opened a clinic.', 'ORGANIZATION:Northfield Center for Spinal Cord Injury'],
    ['its acronym', 'The Northfield Center for Spinal Cord Injury (NCSCI) opened. NCSCI hired staff.', 'ORGANIZATION:NCSCI'],
  ]);
});

describe('people marked by an honorific', () => {
  itFinds([
    ['a hyphenated given name the tagger cut', 'The plan was presented by Ms Seo-yeon Kwak in Geneva.', 'PERSON:Seo-yeon Kwak'],
    ["a councillor's abbreviated title", 'Cllr Maya Thorne said the council would act.', 'PERSON:Maya Thorne'],
    ['a hyphenated first name stays whole', '"We are ready," said Mr Jean-Marc Obiang.', 'PERSON:Jean-Marc Obiang'],
  ]);
});

describe('hyphens that do not make one name', () => {
  itDoesNotFind([
    ['two sponsors of a bill', 'The Wyden-Bennett bill passed the Senate.', /^PERSON:Wyden-Bennett$/],
    ['a compound adjective', 'The Bayh-sponsored amendment passed the Senate.', /sponsored/],
  ]);
});

describe('names in lines written in capitals', () => {
  itFinds([
    ['a surname in a headline in capitals, named in full below', 'MORALES AND FINCH URGE ACTION ON WATER\n\nSenator Ana Morales and Senator Paul Finch urged the agency to act.', ['PERSON:MORALES', 'PERSON:FINCH']],
  ]);
  itDoesNotFind([
    ['an ordinary word in capitals that is also a surname', 'YOUNG PEOPLE WILL GAIN JOBS\n\nRepresentative Tom Young said the bill passed.', /^PERSON:YOUNG$/],
    ['an acronym in capitals stays no person', 'The FBI and the ATF met on Monday.', /^PERSON:/],
  ]);
});

describe('acronyms that speak are organisations', () => {
  itFinds([
    ['subject of a verb of speaking', 'Shipping resumed on Monday. KVRA urged the port authorities to publish the new rules.', ['ORGANIZATION:KVRA']],
    ['with an adverb between', 'The report was released in May. TOLMAR also recommended that audits be made public.', ['ORGANIZATION:TOLMAR']],
    ['"calls on"', 'Rains flooded the valley again. ZEDRA calls on donors to fund shelter for families.', ['ORGANIZATION:ZEDRA']],
    ['its other mentions follow', 'QOVAN welcomed the decision on Friday. Volunteers from QOVAN will visit the camps.', ['ORGANIZATION:QOVAN', 'ORGANIZATION:QOVAN']],
  ]);
  itDoesNotFind([
    ['a programme that pays', 'The heating aid scheme helps families. KELTAP pays for fuel in winter.', /KELTAP/],
    ['"called" naming something', 'The show aired on a station in Perth. Listeners tuned in to 7QR called Morning Hour.', /QR/],
    ['a surname in capitals after a title', 'In explaining his objection, Senator VORNAK expressed the view that the bill went too far.', /ORGANIZATION:VORNAK/],
    ['a quotation ending in stripped text', 'residents will receive free broadcast digital TV     said Allard following passage', /ORGANIZATION:TV/],
    ['a country', 'Talks continued in Geneva. UK said it would send a delegation.', /ORGANIZATION:UK/],
  ]);
});

describe('an acronym at a sentence start', () => {
  it('takes the type its other mentions have', () => {
    const text = 'Grants went to the Tamsworth Community College (TCCX) for nursing, therapy, and dental hygiene. TCCX funding will add 300 graduates a year.';
    expect(found(text).filter((m) => m === 'ORGANIZATION:TCCX')).toHaveLength(2);
  });
  itDoesNotFind([['an ordinary word in capitals', 'The fund paid for the survey (OK). OK was the answer most people gave.', /OK/]]);
});

describe('a surname alone that speaks is a person', () => {
  itFinds([
    ['after "said"', 'The bill passed on Monday. This is good news for farmers, said Vantreese. Vantreese introduced the bill in March.', ['PERSON:Vantreese']],
    ['in text stripped of its punctuation', 'The plan will help veterans in Denver      said Dorlander      In addition the bill funds clinics', 'PERSON:Dorlander'],
  ]);
  itDoesNotFind([
    ['a place that "speaks" stays a place', 'Growth is strong, said Denver. Denver is a city of parks.', /^PERSON:Denver/],
  ]);
});

describe('a surname before a term of office is a person', () => {
  itFinds([
    ['"administration", the surname also a place abroad', 'Funding for the program fell under the Bush administration.', ['PERSON:Bush']],
    ['"Administration" capitalised, in a possessive', "The Bush Administration's budget cut the program.", ['PERSON:Bush']],
    ['a possessive whose apostrophe the corpus lost', 'Senator Casey spoke out against the Bush Administrations plan to sell debt.', ['PERSON:Bush']],
  ]);
  itDoesNotFind([['a place before "administration" stays a place', 'The Kosovo administration met in Pristina on Monday.', /^PERSON:Kosovo$/]]);
});

describe('the people of a state or city are no name', () => {
  itDoesNotFind([
    ['a state of two words', 'The plan will help Americans and New Yorkers pay for heat.', /New Yorkers/],
    ['a state whose name ends in "e"', 'The bill helps Mainers and North Dakotans.', /Mainers/],
  ]);
  itFinds([
    ['a team named after its city keeps its name', 'The New York Rangers won the game on Sunday.', ['ORGANIZATION:New York Rangers']],
    ['a surname that ends like the people of a region abroad', 'Counsel Harriet Miers withdrew on Thursday. Miers said she was honored.', ['PERSON:Miers']],
  ]);
});

describe('a first name and a surname the tagger split', () => {
  // The tagger's split is fed in directly: which contexts make it split changes with every model.
  const joined = async (text: string, words: string[][]) => {
    const { applyNamePatterns, commonNounAcronyms } = await import('../../src/nlp/patterns.js');
    const { makeSpan } = await import('../../src/nlp/spans.js');
    const { tokenize } = await import('../../src/nlp/tokenize.js');
    const { splitSentences } = await import('../../src/nlp/sentences.js');
    const { createContext } = await import('../../src/nlp/index.js');
    const tokens = tokenize(text);
    const at = (word: string) => tokens.findIndex((t) => t.text === word);
    const spans = words.map((w) => makeSpan(at(w[0]), at(w[w.length - 1]) + 1, 'PERSON'));
    const { resources } = createContext({});
    const out = applyNamePatterns(text, tokens, splitSentences(text, tokens), spans, commonNounAcronyms(tokens, resources.lists.orgHeads), resources);
    return out.map((s) => tokens.slice(s.first, s.last).map((t) => t.text).join(' '));
  };
  it.each([
    ['a headline in capitals', 'PRESS RELEASE BEN HARMON S PLAN FOR HEALTH CARE', [['BEN'], ['HARMON']], ['BEN HARMON']],
    ['a first and middle name, then the surname', 'Justice Sandra Day Okonkwo retired.', [['Sandra', 'Day'], ['Okonkwo']], ['Sandra Day Okonkwo']],
    ['not two sponsors before "bill"', 'The Craig Varga bill passed.', [['Craig'], ['Varga']], ['Craig', 'Varga']],
    ['not the surname of a person named in full', 'Senator Ivo Nelson spoke. The Nelson Quillen amendment failed.', [['Ivo', 'Nelson'], ['Quillen']], ['Ivo Nelson', 'Quillen']],
    ['not across a comma', 'Thanks to Ben, Harmon and others.', [['Ben'], ['Harmon']], ['Ben', 'Harmon']],
  ])('%s', async (_, text, split, expected) => {
    expect(await joined(text, split)).toEqual(expected);
  });
  itDoesNotFind(
    [
      ['surnames before "bill" are two sponsors', 'The Craig Varga bill passed. Senator Paul Craig and Senator Ivo Varga wrote it.', /^PERSON:Craig Varga$/],
      ['the surname of a person named in full starts no name', 'Senator Ivo Nelson spoke. The Nelson Quillen amendment failed.', /^PERSON:Nelson Quillen$/],
    ],
    'not: %s',
  );
});

describe('a short form after "the" is a name when press releases write it as one', () => {
  itFinds([
    ['"the House", though "house" is often lower case', 'The bill passed the House last week and now goes to the Senate.', ['ORGANIZATION:House', 'ORGANIZATION:Senate']],
    ['"the House" before a possessive', "He praised the House's vote on the measure.", ['ORGANIZATION:House']],
  ]);
  itDoesNotFind([
    ['a short form of common nouns stays out', 'Members of the Alliance agreed on Monday to raise spending.', /Alliance/],
  ]);
});

describe('a possessive mis-decoded as "âs"', () => {
  itFinds([['a person and a place', 'Senator Boxerâs bill will protect Californiaâs coast.', ['PERSON:Boxer', 'LOCATION:California']]]);
});

describe('a possessive glued on where a corpus stripped every apostrophe', () => {
  itFinds([['a country whose name ends in "s" keeps it', 'Hawaiis schools met Philippine officials from the Philippines.', ['LOCATION:Philippines']]]);
  it.each([
    ['a state', 'We dont expect delays. Funding for Maryland rose. Marylands ports will grow.', 'LOCATION:Maryland'],
    ['an agency', 'It isnt acceptable. The VA must act. VAs waiting lists are too long.', 'ORGANIZATION:VA'],
    ['with no contraction, a state so written shows it', 'Senator Akaka met voters in Hawaii. Hawaiis beaches and Akakas office are open.', 'PERSON:Akaka'],
  ])('%s: both mentions, without the "s"', (_, text, mention) => {
    expect(found(text).filter((m) => m === mention)).toHaveLength(2);
  });
  itDoesNotFind([
    ['a plural title before names', 'We dont agree. Senator Reed spoke, and Senators Akaka and Inouye agreed.', /^PERSON:s /],
    ['a name ending in "s"', 'We dont know. Steven Hall met Ted Stevens on Monday.', /^PERSON:Ted Steven$/],
  ]);
});

describe("a person's name run on into a place where a corpus stripped the comma", () => {
  // The spans are fed in directly: whether the tagger runs the names on changes with every model.
  const split = async (text: string, spans: Array<[string, 'PERSON' | 'LOCATION' | 'ORGANIZATION']>) => {
    const { splitRunOnPeople } = await import('../../src/nlp/consistency.js');
    const { makeSpan } = await import('../../src/nlp/spans.js');
    const { tokenize } = await import('../../src/nlp/tokenize.js');
    const tokens = tokenize(text);
    const used = new Set<number>();
    const at = (word: string) => tokens.findIndex((t, i) => t.text === word && !used.has(i));
    const made = spans.map(([surface, type]) => {
      const words = surface.split(/\s+/);
      const first = at(words[0]);
      for (let k = 0; k < words.length; k++) used.add(first + k);
      return makeSpan(first, first + words.length, type);
    });
    made.sort((a, b) => a.first - b.first);
    return splitRunOnPeople(text, tokens, made).map((s) => `${s.type}:${tokens.slice(s.first, s.last).map((t) => t.text).join(' ')}`);
  };
  it.each([
    ['a place at the end', 'Governor Ann Lee  Dunmore Mayor Tom Ray spoke. Roads near Dunmore were cut.', [['Ann Lee Dunmore', 'PERSON'], ['Tom Ray', 'PERSON'], ['Dunmore', 'LOCATION']], ['PERSON:Ann Lee', 'LOCATION:Dunmore', 'PERSON:Tom Ray', 'LOCATION:Dunmore']],
    ['a place at the start', 'In Ashby  Ann Lee Moss spoke. Roads near Ashby were cut.', [['Ashby Ann Lee Moss', 'PERSON'], ['Ashby', 'LOCATION']], ['LOCATION:Ashby', 'PERSON:Ann Lee Moss', 'LOCATION:Ashby']],
  ] as Array<[string, string, Array<[string, 'PERSON' | 'LOCATION']>, string[]]>)('%s', async (_, text, spans, expected) => {
    expect(await split(text, spans)).toEqual(expected);
  });
  it.each([
    ['a middle initial, its full stop stripped', 'Gerald R  Ford spoke. Ford plants closed.', [['Gerald R Ford', 'PERSON'], ['Ford', 'ORGANIZATION']]],
    ['one space: no comma was stripped', 'Governor Ann Lee Dunmore spoke. Roads near Dunmore were cut.', [['Ann Lee Dunmore', 'PERSON'], ['Dunmore', 'LOCATION']]],
    ['a word the document also names as a person', 'Ann Lee  Dunmore spoke. Dunmore said so. Roads near Dunmore were cut.', [['Ann Lee Dunmore', 'PERSON'], ['Dunmore', 'PERSON'], ['Dunmore', 'LOCATION']]],
    ['a name of two words', 'Lee  Dunmore spoke. Roads near Dunmore were cut.', [['Lee Dunmore', 'PERSON'], ['Dunmore', 'LOCATION']]],
  ] as Array<[string, string, Array<[string, 'PERSON' | 'LOCATION' | 'ORGANIZATION']>]>)('keeps it whole: %s', async (_, text, spans) => {
    const out = await split(text, spans);
    expect(out[0]).toBe(`PERSON:${spans[0][0].replace(/\s+/g, ' ')}`);
  });
});
