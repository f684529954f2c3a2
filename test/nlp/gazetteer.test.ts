import { describe, expect, it } from 'vitest';
import { loadGazetteer, matchGazetteer, plainSpelling } from '../../src/nlp/resources/gazetteer.js';
import { tokenize } from '../../src/nlp/tokenize.js';

describe('plainSpelling: a place name as English text writes it', () => {
  it.each([
    ['São Paulo', 'Sao Paulo'],
    ['Zürich', 'Zurich'],
    ['Kraków', 'Krakow'],
    ['Łódź', 'Lodz'],
    ['Diyarbakır', 'Diyarbakir'],
    ['Tromsø', 'Tromso'],
    ['Ḩalab', 'Halab'],
    ['Baʿqubah', 'Baqubah'],
    ['Ra’s Tannūrah', 'Ra’s Tannurah'],
    ['Şanlıurfa', 'Sanliurfa'],
  ])('%s -> %s', (name, plain) => expect(plainSpelling(name)).toBe(plain));

  it.each([['Côte d’Ivoire', 'Cote d’Ivoire'], ['Chicago', 'Chicago'], ["Martha's Vineyard", "Martha's Vineyard"], ['Hanoi', 'Hanoi']])(
    'keeps what English writes too: %s -> %s',
    (name, plain) => expect(plainSpelling(name)).toBe(plain),
  );
});

describe('the gazetteer finds a city by its native and its plain spelling', () => {
  const g = loadGazetteer();
  const city = (text: string) => matchGazetteer(g, text.split(' ')).map((m) => ({ words: text.split(' ').slice(m.first, m.last).join(' '), city: m.entries[0].name, code: m.entries[0].countryCode }));

  it.each([
    ['Sao Paulo', 'São Paulo', 'BR'],
    ['São Paulo', 'São Paulo', 'BR'],
    ['Zurich', 'Zürich', 'CH'],
    ['Krakow', 'Kraków', 'PL'],
    ['Diyarbakir', 'Diyarbakır', 'TR'],
  ])('%s is %s (%s)', (text, name, code) => expect(city(text)).toEqual([{ words: text, city: name, code }]));
});

describe('countries by their formal ISO 3166 names', () => {
  const g = loadGazetteer();
  const countryOf = (text: string) => {
    const words = tokenize(text).map((t) => t.text);
    return matchGazetteer(g, words).map((m) => `${words.slice(m.first, m.last).join(' ')}=${m.entries[0].countryCode}`);
  };
  it.each([
    ['Republic of Moldova', 'Republic of Moldova=MD'],
    ['Bolivarian Republic of Venezuela', 'Bolivarian Republic of Venezuela=VE'],
    ["Democratic People's Republic of Korea", "Democratic People 's Republic of Korea=KP"],
    ['United Kingdom of Great Britain and Northern Ireland', 'United Kingdom of Great Britain and Northern Ireland=GB'],
    ['Viet Nam', 'Viet Nam=VN'],
  ])('%s', (text, expected) => expect(countryOf(text)).toEqual([expected]));

  it('keeps "Korea" alone for the Republic of Korea', () => expect(countryOf('Korea')).toEqual(['Korea=KR']));
});
