import { beforeAll, describe, expect, it } from 'vitest';
import { analyze, createContext, type NlpContext } from '../../src/nlp/index.js';
import { goldDocument } from '../../src/eval/run-gold.js';
import { toRecord } from '../../src/export/record.js';
import { TEST_CODEBOOK } from '../helpers/codebook.js';
import { itDoesNotFind, itFinds } from '../helpers/mentions.js';

let ctx: NlpContext;
beforeAll(() => {
  ctx = createContext({ codebook: TEST_CODEBOOK });
});

const run = (text: string) => analyze(goldDocument({ id: 't', text, entities: [] }), ctx);
const found = (text: string) => {
  const a = run(text);
  return (a.entities ?? []).flatMap((e) => e.mentions.map((m) => `${e.type}:${m.text}`));
};

describe('entities: what must be found', () => {
  it.each([
    ['Ms Jane Doe, the Minister of Defence, visited Brussels on Monday.', ['PERSON:Jane Doe', 'LOCATION:Brussels']],
    ['Lieutenant General Carlos Rivera spoke in Madrid.', ['PERSON:Carlos Rivera', 'LOCATION:Madrid']],
    ['The European Commission and NATO met in Geneva.', ['ORGANIZATION:European Commission', 'ORGANIZATION:NATO', 'LOCATION:Geneva']],
    ['Officers of the New York Police Department met Senator Mark Ellis.', ['ORGANIZATION:New York Police Department', 'PERSON:Mark Ellis']],
    ['Professor Maria Lopez at the Fletcher School, Tufts University, said so.', ['PERSON:Maria Lopez', 'ORGANIZATION:Fletcher School', 'ORGANIZATION:Tufts University']],
    ["Germany's Foreign Office welcomed the plan.", ['LOCATION:Germany', 'ORGANIZATION:Foreign Office']],
  ])('%s', (text, expected) => {
    const got = found(text);
    for (const e of expected) expect(got).toContain(e);
  });

  it('never puts a title, possessive or trailing punctuation in a mention; offsets are exact', () => {
    const text = 'Dr. Anna Berg’s report. Ambassador Tom Keller, the envoy, met Mr. Keller’s staff in Paris.';
    const a = run(text);
    for (const e of a.entities!) {
      for (const m of e.mentions) {
        expect(text.slice(m.start, m.end)).toBe(m.text);
        expect(m.text).not.toMatch(/^(Dr|Mr|Ms|Ambassador)\b|['’]s$|[.,;:]$/);
      }
    }
    const keller = a.entities!.find((e) => e.name === 'Tom Keller');
    expect(keller?.mentions.map((m) => m.text)).toEqual(['Tom Keller', 'Keller']);
    expect(keller?.role).toBe('Ambassador');
  });

  it.each([
    ['a city ten times larger wins over one in a country the release names', 'A delegation from the United Kingdom visited Boston on Monday.', 'Boston', 'US'],
    ['a place in a country the release names wins over a namesake of like size', 'The festival in Texas moved from Athens to Paris this year, officials in the United States said.', 'Athens', 'US'],
  ])('%s', (_, text, name, country) => {
    expect(run(text).entities!.find((e) => e.name === name)?.place?.country_code).toBe(country);
  });

  it('links a place written in two parts that the gazetteer knows as one name to that place', () => {
    for (const text of ['WASHINGTON, D.C. - The agency opened a new office.', 'The hearing in Washington, DC ended early.']) {
      const places = run(text).entities!.filter((e) => e.type === 'LOCATION').map((e) => [e.place?.kind, e.place?.lat]);
      expect(places).toEqual([['city', 38.8951], ['city', 38.8951]]);
    }
    // Alone, the name is first the state, as before.
    expect(run('Farmers in Washington and Oregon met.').entities!.find((e) => e.name === 'Washington')?.place?.kind).toBe('region');
  });

  it.each([
    ['a place also named alone keeps its usual link', 'WASHINGTON, D.C. - Farmers in Washington state met the agency.', 'WASHINGTON', 'region'],
    ['a country after a comma is no part of the name before it', 'Virgin Islands, U.S. officials said. The U.S. government helped.', 'U.S.', 'country'],
    ['an ordinary word after a comma is no part of a name', 'Flooding hit Durham, county officials said. Residents of Durham left.', 'Durham', 'city'],
  ])('not: %s', (_, text, name, kind) => {
    const entity = run(text).entities!.find((e) => e.name === name);
    expect(entity?.place?.kind).toBe(kind);
    expect(entity?.place?.country_code).toBe('US');
  });

  it('merges an acronym defined in brackets with its long form', () => {
    const a = run('The Lower Manhattan Security Initiative (LMSI) was praised. Officials said LMSI works.');
    const e = a.entities!.find((x) => x.name === 'Lower Manhattan Security Initiative');
    expect(e?.type).toBe('ORGANIZATION');
    expect(e?.aliases).toContain('LMSI');
    expect(e?.mentions).toHaveLength(3);
    expect(a.acronyms).toEqual([expect.objectContaining({ acronym: 'LMSI', longForm: 'Lower Manhattan Security Initiative' })]);
  });

  it('links places to countries and coordinates, and nationality words to country codes', () => {
    const a = run('Syrian refugees arrived in Amman, Jordan, and in Berlin.');
    expect(a.countries).toEqual(expect.arrayContaining(['JO', 'SY']));
    const jordan = a.entities!.find((e) => e.name === 'Jordan');
    expect(jordan?.place).toMatchObject({ kind: 'country', country_code: 'JO' });
    const berlin = a.entities!.find((e) => e.name === 'Berlin');
    expect(berlin?.place).toMatchObject({ kind: 'city', country_code: 'DE' });
    expect(berlin?.place?.lat).toBeCloseTo(52.5, 0);
    expect(a.entities!.some((e) => e.name === 'Syrian')).toBe(false);
  });
});

describe('entities: what must not be found (false positives)', () => {
  it.each([
    ['The Company said on Monday that results improved.'],
    ['Ltd edition prints are available.'],
    ['The Minister said the plan would work.'],
    ['However, the committee agreed.'],
    ['We will act. They agreed. It is done.'],
    ['Notes to editors: the figures are provisional.'],
    ['Services include a content delivery network (CDN) for customers.'],
  ])('%s', (text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('military ranks: a role, never part of a name', () => {
  const roles = (text: string) => (run(text).entities ?? []).filter((e) => e.type === 'PERSON').map((e) => `${e.name} (${e.role})`);
  it.each([
    ['Army Spc. Maria Ortiz was honoured on Friday.', ['Maria Ortiz (Spc.)']],
    ['Staff Sgt. John Park and Pfc. Sam Cole returned home.', ['John Park (Staff Sgt.)', 'Sam Cole (Pfc.)']],
    ['Cmdr. Paul Reyes leads the ship.', ['Paul Reyes (Cmdr.)']],
    ['Brig. Gen. Tom Hale spoke.', ['Tom Hale (Brig. Gen.)']],
    ['SFC Luis Vega and CSM Karen Holt attended.', ['Luis Vega (SFC)', 'Karen Holt (CSM)']],
    ['Airman 1st Class Jo Baker was injured.', ['Jo Baker (Airman 1st Class)']],
  ])('%s', (text, expected) => expect(roles(text)).toEqual(expected));

  itDoesNotFind([
    ['a rank before a name is no organisation', 'Army Spc. Maria Ortiz was honoured on Friday.', /Spc/],
    ['a rank alone is no place', 'Staff Sgt. John Park and Pfc. Sam Cole returned home.', /Pfc/],
    ['a legal form still ends a company', 'Officials at Harlow Mining Co. met the mayor.', /^ORGANIZATION:Harlow Mining$/],
    ['a state abbreviated like an honorific stays a place', 'The plant opened in Jackson, Miss. on Monday.', /^(?!LOCATION).*Miss/],
  ]);
  itFinds([
    ['a surname that is also a rank in other services', 'Senator John Ensign voted against the bill.', 'PERSON:John Ensign'],
    ['a state abbreviated like an honorific', 'The plant opened in Jackson, Miss. on Monday.', 'LOCATION:Miss.'],
  ]);
});

describe('long forms found by the letters of their acronym', () => {
  itFinds([
    ['a long form cut at "and" before a place', 'The Committee on Foreign Investment in the United States (CFIUS) reviewed the sale.', 'ORGANIZATION:Committee on Foreign Investment in the United States'],
    ['function words spelt in the acronym', 'The United Nations Interim Force in Lebanon (UNIFIL) patrols the border.', 'ORGANIZATION:United Nations Interim Force in Lebanon'],
    ['a hyphenated word is one letter', 'The Organization for Security and Co-operation in Europe (OSCE) observed the vote.', 'ORGANIZATION:Organization for Security and Co-operation in Europe'],
    ['a name the long form starts inside', 'The Department of Health and Human Services (HHS) announced grants.', 'ORGANIZATION:Department of Health and Human Services'],
    ['a country by its formal name, and its acronym', "The Democratic People's Republic of Korea (DPRK) launched a missile. The DPRK said so.", ["LOCATION:Democratic People's Republic of Korea", 'LOCATION:DPRK']],
    ['the acronym joins the long form', 'The Organization for Security and Co-operation in Europe (OSCE) observed the vote. OSCE monitors stayed.', 'ORGANIZATION:OSCE'],
  ]);
  itDoesNotFind([
    ['places listed with "and" stay two places', 'Officials from France and Germany (FG) met in Paris.', /France and Germany/],
    ['letters that do not spell the words', 'The Kurdistan Workers Party (PKK) was listed.', /^(?!ORGANIZATION:(Kurdistan Workers Party|PKK)$)/],
  ]);
});

describe('short names in brackets after an organisation', () => {
  it('a one-word short name joins its organisation and the acronym table', () => {
    const a = run('Figures came from the European Agency for Maritime Safety (Marisafe) on Monday.');
    const e = a.entities!.find((x) => x.name === 'European Agency for Maritime Safety');
    expect(e?.mentions.map((m) => m.text)).toEqual(['European Agency for Maritime Safety', 'Marisafe']);
    expect(a.acronyms).toEqual([expect.objectContaining({ acronym: 'Marisafe', longForm: 'European Agency for Maritime Safety' })]);
  });

  it('a mixed-case acronym is one too', () => {
    const a = run('The Department of Labor (DoL) issued the rule.');
    expect(a.acronyms).toEqual([expect.objectContaining({ acronym: 'DoL', longForm: 'Department of Labor' })]);
  });

  it.each([
    ['a place in brackets stays a place', 'The Ministry of Defence (London) said so.', 'London'],
    ['a word of the long form names something else', 'The Alder Volunteer Fire Department (Alder) won the grant.', 'Alder'],
  ])('%s', (_, text, word) => {
    expect(run(text).acronyms!.map((x) => x.acronym)).not.toContain(word);
  });
});

describe('review cases: what the new rules must not do', () => {
  itFinds([
    ['a possessive before the bracket stays outside the long form', "The Federal Flood Relief Agency's (FFRA) response was slow.", 'ORGANIZATION:Federal Flood Relief Agency'],
    ['a state abbreviated like an honorific, before a capital', 'The company moved to Tupelo, Miss. Officials welcomed the jobs.', 'LOCATION:Miss.'],
    ['a place after "in" stays a place', 'In Chicago Acme Corporation opened a plant.', ['LOCATION:Chicago', 'ORGANIZATION:Acme Corporation']],
  ]);
  itDoesNotFind([
    ['the long form keeps no possessive', "The Federal Flood Relief Agency's (FFRA) response was slow.", /Agency's/],
    ['a headline word in capitals that is an ordinary word', 'WILDFIRE BURNS 10,000 ACRES NEAR TOWN\n\nSenator Conrad Burns visited the site.', /^PERSON:BURNS$/],
    ['a role does not start the long form of an acronym', 'The Chairman of the Joint Chiefs of Staff (CJCS) testified.', /^ORGANIZATION:Chairman/],
  ]);

  it('a weekday in brackets is no short name', () => {
    expect(run('The Office of Management and Budget (Tuesday) released figures.').acronyms).toEqual([]);
  });

  it('a headline in capitals lends no role but its titles', () => {
    const a = run('SENATOR URGES QUICK VOTE ON RAMIREZ NOMINATION\n\nThe nominee is Judge Luis Ramirez.');
    const ramirez = a.entities!.find((e) => e.name === 'Luis Ramirez');
    expect(ramirez?.role).toBe('Judge');
    expect(a.roles!.map((r) => r.text)).not.toContain('SENATOR URGES QUICK VOTE');
  });
});

describe('roles: what each person is given', () => {
  const rolesOf = (text: string, name: string) => {
    const record = toRecord(run(text));
    const person = record.entities.find((e) => e.name === name);
    expect(person, name).toBeDefined();
    return record.roles.filter((r) => r.entity_id === person!.id).map((r) => r.role);
  };
  it.each([
    ['a title, then an honorific: two roles', '"We act now," said Committee Chair Ms Anna Lindqvist (Sweden).', 'Anna Lindqvist', ['Committee Chair', 'Ms']],
    ['a long title, then an honorific with a stop', 'Under Secretary for Rural Affairs Dr. Paul Okafor visited the plant.', 'Paul Okafor', ['Under Secretary for Rural Affairs', 'Dr.']],
    ['after the name, up to the place the role covers', '"Vaccines work," said Dr Ravi Menon, FAO Representative in Kenya.', 'Ravi Menon', ['Dr', 'FAO Representative']],
    ['after the name, up to a comma', 'Tom Keller, the Deputy Mayor, opened the bridge.', 'Tom Keller', ['Deputy Mayor']],
    ['an honorific alone', 'Ms Jane Doe visited Brussels on Monday.', 'Jane Doe', ['Ms']],
    ['"under" before a title is a preposition', 'Spending on roads rose under President Ana Ruiz.', 'Ana Ruiz', ['President']],
    ['a qualifier in capitals is part of the title', 'Under Secretary Ana Ruiz visited the plant.', 'Ana Ruiz', ['Under Secretary']],
    ['"Under" at a sentence start qualifies no president', "Under President Ana Ruiz's plan, spending rose.", 'Ana Ruiz', ['President']],
    ['a description in lower case ends at "of"', "Mo Diaz, chairman of President Ana Ruiz's council, resigned.", 'Ana Ruiz', ['President']],
    ['words qualifying the office are part of the title', 'Foreign Secretary Ana Ruiz met the envoy in Oslo.', 'Ana Ruiz', ['Foreign Secretary']],
    ['the same after a verb in lower case', 'The plan works, said Defence Minister Ana Ruiz on Monday.', 'Ana Ruiz', ['Defence Minister']],
    ['a preposition at a sentence start is not part of the title', 'As President Ana Ruiz said, the plan works.', 'Ana Ruiz', ['President']],
    ['a weekday is not part of the title', 'The vote came on Monday. Thursday Senator Ana Ruiz spoke.', 'Ana Ruiz', ['Senator']],
    ['a salutation is not part of the title', 'Dear Secretary Ana Ruiz:\n\nWe write about the plan.', 'Ana Ruiz', ['Secretary']],
    ["another person's title ends at \"for\"", 'The release was signed by the Communications Director for Senator Tom Keller on Monday.', 'Tom Keller', ['Senator']],
    ['a title with "for" and a field stays whole', 'Under Secretary for Rural Affairs Ana Ruiz visited the plant.', 'Ana Ruiz', ['Under Secretary for Rural Affairs']],
    ['a description in lower case ends at "to"', 'Jo Baker, an assistant to Senator Tom Keller, testified.', 'Tom Keller', ['Senator']],
  ])('%s', (_, text, name, expected) => expect(rolesOf(text, name)).toEqual(expected));

  it('the entity keeps the title, not the honorific, as its role', () => {
    const a = run('"We act now," said Committee Chair Ms Anna Lindqvist (Sweden).');
    expect(a.entities!.find((e) => e.name === 'Anna Lindqvist')?.role).toBe('Committee Chair');
  });

  it.each([
    ['words in lower case after the name are no role', 'Tom Keller, who chairs the board, spoke.', 'Tom Keller'],
    ['a place after the name is no role', 'Tom Keller, Ottawa, said so.', 'Tom Keller'],
    ['a qualifier alone is no role', "Tom Keller filed an amendment on Monday. Under Keller's amendment, the agency would report yearly.", 'Tom Keller'],
  ])('%s', (_, text, name) => expect(rolesOf(text, name)).toEqual([]));
});

describe('entities: a name repeated a hundred thousand times', () => {
  it('is still one entity with every mention (no quadratic merging, no stack or argument limits)', async () => {
    const { buildEntities } = await import('../../src/nlp/entities.js');
    const { makeSpan } = await import('../../src/nlp/spans.js');
    const repeats = 150_000;
    const text = `Jane Smith joined Orbis Analytics. ${'Smith praised Orbis. '.repeat(repeats)}`;
    const tokens = [...text.matchAll(/\w+|\S/g)].map((m) => ({ text: m[0], start: m.index!, end: m.index! + m[0].length }));
    const spans = [makeSpan(0, 2, 'PERSON'), makeSpan(3, 5, 'ORGANIZATION')];
    const roles = [];
    for (let i = 6; i < tokens.length; i += 4) {
      spans.push(makeSpan(i, i + 1, 'PERSON'), makeSpan(i + 2, i + 3, 'ORGANIZATION'));
      roles.push({ person: spans.length - 2, text: 'Senator', start: 0, end: 0, organization: null });
    }
    const { entities } = buildEntities(text, tokens, [{ first: 0, last: tokens.length, start: 0, end: text.length }], spans, roles);
    expect(entities.map((e) => [e.name, e.mentions.length, e.role])).toEqual([
      ['Jane Smith', repeats + 1, 'Senator'],
      ['Orbis Analytics', repeats + 1, null],
    ]);
  });
});
