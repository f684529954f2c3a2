import { describe, expect, it } from 'vitest';
import type { Entity } from '../../src/schema/document.js';
import { linkPlaces } from '../../src/nlp/places.js';
import { loadGazetteer, loadTowns } from '../../src/nlp/resources/gazetteer.js';
import { tokenize } from '../../src/nlp/tokenize.js';

/**
 * Place linking on its own: every occurrence of each listed name is a LOCATION mention, so the
 * tables test the choice among places of one name, not the tagger.
 */
function linkAll(text: string, names: string[]): { places: Map<string, Entity['place']>; countries: string[] } {
  const entities = names.map((name) => {
    const mentions: Entity['mentions'] = [];
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) {
      // Whole words only ("WA" is not inside "WASHINGTON").
      if (/\w/.test(text[at - 1] ?? '') || /\w/.test(text[at + name.length] ?? '')) continue;
      mentions.push({ start: at, end: at + name.length, text: name, sentence: 0 });
    }
    return { id: `location/${name}`, type: 'LOCATION', name, aliases: [], role: null, place: null, mentions } as unknown as Entity;
  });
  const countries = linkPlaces(text, tokenize(text), entities, loadGazetteer(), loadTowns);
  return { places: new Map(entities.map((e) => [e.name, e.place])), countries };
}
const link = (text: string, names: string[]) => linkAll(text, names).places;

/** Where a linked place is: country code and latitude to a degree, or null. */
const where = (place: Entity['place'] | undefined) => (place ? `${place.country_code} ${place.kind} ${place.lat === null ? '-' : Math.round(place.lat)}` : null);

describe('place linking: which place of a name', () => {
  it.each([
    ['a town the gazetteer of cities lacks, written with its state', 'The mill in Hoquiam, WA reopened.', 'Hoquiam', ['Hoquiam', 'WA'], 'US city 47'],
    ['a postal code after a place is its state', 'The mill in Hoquiam, WA reopened.', 'WA', ['Hoquiam', 'WA'], 'US region -'],
    ['a newspaper abbreviation of the state', 'A port in Aberdeen, Wash. will expand.', 'Aberdeen', ['Aberdeen'], 'US city 47'],
    ['an abbreviation of two tokens', 'The plant in Wheeling, W.Va. hired 200 people.', 'Wheeling', ['Wheeling'], 'US city 40'],
    ['the state written out', 'Tourism in Cody, Wyoming grew.', 'Cody', ['Cody', 'Wyoming'], 'US city 45'],
    ['a town beside a larger city of its name, written with its state', 'The factory in Paris, Tenn. closed.', 'Paris', ['Paris'], 'US city 36'],
    ['a town written with its country', 'A boat sank off Pylos, Greece on Wednesday.', 'Pylos', ['Pylos', 'Greece'], 'GR city 37'],
    ['a city in a state the release names', 'The Governor of Maine said Portland will host the summit.', 'Portland', ['Portland', 'Maine'], 'US city 44'],
    ['a smaller city in a named state, less than a hundred times smaller', 'Officials in Tennessee said Cleveland will get the grant.', 'Cleveland', ['Cleveland', 'Tennessee'], 'US city 35'],
    ['a town in a state the release names', 'Utah officials said Moab needs the funds.', 'Moab', ['Moab', 'Utah'], 'US city 39'],
    ['"St." for "Saint"', 'Flooding closed roads in St. Paul on Monday.', 'St. Paul', ['St. Paul'], 'US city 45'],
    ['"St" without its stop, in a named state, twenty times smaller than its namesake abroad', 'The post office in St Petersburg was renamed, Florida officials said.', 'St Petersburg', ['St Petersburg', 'Florida'], 'US city 28'],
    ['a state before smaller regions of its name abroad (its cities are counted)', 'Farmers in Montana lost crops.', 'Montana', ['Montana'], 'US region -'],
    ['a state named after a city of that state', 'The port in Norfolk, Virginia and others in Virginia grew.', 'Virginia', ['Norfolk', 'Virginia'], 'US region -'],
    ['a small city beside a larger place of its country', 'Chargers will go in at Carlton and across Melbourne.', 'Carlton', ['Carlton', 'Melbourne'], 'AU city -38'],
    ['a small city whose name no other place has, alone', 'The mayor of Joplin opened the new library.', 'Joplin', ['Joplin'], 'US city 37'],
    ['a small city in a state the release names', 'Kentucky officials said Covington will get a new school.', 'Covington', ['Covington', 'Kentucky'], 'US city 39'],
    ['a state before a smaller city abroad of its name, with nothing else named', 'Aid goes to Virginia this year.', 'Virginia', ['Virginia'], 'US region -'],
    ['a state named like a country, after one of its cities', 'The plant in Atlanta, Georgia hired 200 people.', 'Georgia', ['Atlanta', 'Georgia'], 'US region -'],
    ['the country, after one of its cities', 'Talks in Tbilisi, Georgia ended on Friday.', 'Georgia', ['Tbilisi', 'Georgia'], 'GE country -'],
    ["a country's name that is also the state of the release's senator", 'Sen. Ada Lark, R-Ga., said Georgia farmers need rain.', 'Georgia', ['Georgia', 'Ga.'], 'US region -'],
    ['the country, where no state of its name is named', 'Talks on Georgia and Armenia resumed.', 'Georgia', ['Georgia', 'Armenia'], 'GE country -'],
    ["a member of Congress's state, not a city abroad", 'Sen. Ida Crane (D-WA) praised the grant.', 'WA', ['WA'], 'US region -'],
    ['a town and its state with the comma stripped', 'The mill in Hoquiam  WA reopened in March', 'Hoquiam', ['Hoquiam', 'WA'], 'US city 47'],
    ['the state after a town with the comma stripped', 'The mill in Hoquiam  WA reopened in March', 'WA', ['Hoquiam', 'WA'], 'US region -'],
    ['a city in two parts with the punctuation stripped', 'WASHINGTON  D C  Senator Ida Crane said the grant', 'D C', ['WASHINGTON', 'D C'], 'US city 39'],
    ['the part of a city in two parts, the city alone elsewhere', 'Write to 441 G Street NW, Washington, DC 20548. Lobbyists in Washington disagree.', 'DC', ['Washington', 'DC'], 'US city 39'],
    ["a representative's state before the district", 'Rep. Ida Crane (D-WA-03) praised the grant.', 'WA', ['WA'], 'US region -'],
    ["a member of Congress's state, the code also written otherwise", 'Sen. Ida Crane (D-WA) wrote to the WA office.', 'WA', ['WA'], 'US region -'],
    ["a member of Congress's state after a spaced dash", 'Sen. Ed Marsh (R - Mont.) praised the grant.', 'Mont.', ['Mont.'], 'US region -'],
    ['a state with the word "State"', 'Farmers across New York State lost crops.', 'New York State', ['New York State'], 'US region -'],
    ['"the State of" a state', 'The State of Maine will pay for the bridge.', 'State of Maine', ['State of Maine'], 'US region -'],
    ["a state's possessive with the apostrophe stripped", 'The grant will help Maines fishermen', 'Maines', ['Maines'], 'US region -'],
    ['a city in two parts written as one name', 'Students from Ohio visited Washington DC this week.', 'Washington DC', ['Washington DC', 'Ohio'], 'US city 39'],
    ['a city in two parts written as one name, stripped', 'WASHINGTON D C  Senator Ida Crane said the grant', 'WASHINGTON D C', ['WASHINGTON D C'], 'US city 39'],
    ["a member of Congress's state in text stripped of its punctuation", 'U S  Senator Ida Crane  D WA  praised the grant', 'WA', ['WA'], 'US region -'],
    ["a member of Congress's state written as a newspaper abbreviation", 'Sen. Ed Marsh (R-Mont.) praised the grant.', 'Mont.', ['Mont.'], 'US region -'],
    ["a member of Congress's state tells which city of a name", 'Sen. Ida Crane (D-ME) toured the port of Portland.', 'Portland', ['Portland', 'ME'], 'US city 44'],
    ['"Washington" alone is the capital', 'WASHINGTON - Senators from Ohio and Maine praised the bill on Monday.', 'WASHINGTON', ['WASHINGTON', 'Ohio', 'Maine'], 'US city 39'],
    ["the state of one of several members of Congress does not make \"Washington\" the state", 'WASHINGTON - Sen. Ida Crane (D-WA) and Sen. Ed Marsh (R-Mont.) praised the grant.', 'WASHINGTON', ['WASHINGTON', 'WA', 'Mont.'], 'US city 39'],
    ['"Washington state" is the state', 'Apple growers in Washington state lost crops.', 'Washington', ['Washington'], 'US region -'],
    ['"the state of Washington" is the state', 'Wildfires burned across the state of Washington.', 'Washington', ['Washington'], 'US region -'],
    ['"Washington" in a list of states is the state', 'Senators from Idaho, Washington and Oregon asked for the funds.', 'Washington', ['Idaho', 'Washington', 'Oregon'], 'US region -'],
    ['"Washington" first in a list of states is the state', 'Salmon runs in Washington, Oregon and Idaho fell.', 'Washington', ['Idaho', 'Washington', 'Oregon'], 'US region -'],
    ["the state of the one member of Congress a release names", 'Sen. Ida Crane (D-WA) said Washington farmers need rain.', 'Washington', ['Washington', 'WA'], 'US region -'],
    ['"Washington" beside another place in the state is the state', 'Farmers across Washington, from Yakima to Spokane, lost crops.', 'Washington', ['Washington', 'Yakima', 'Spokane'], 'US region -'],
  ])('%s', (_, text, name, names, expected) => {
    expect(where(link(text, names).get(name))).toBe(expected);
  });
});

describe('place linking: region codes', () => {
  it.each([
    ['a state', 'Farmers in Maine lost crops.', 'Maine', ['Maine'], 'US-ME'],
    ['a city in a state', 'The Governor of Maine said Portland will host the summit.', 'Portland', ['Portland', 'Maine'], 'US-ME'],
    ['a region abroad, in a release naming its country', 'Flooding hit Manitoba on Monday, Canadian officials said.', 'Manitoba', ['Manitoba'], 'CA-MB'],
    ['a country has none', 'Exports to Canada grew.', 'Canada', ['Canada'], null],
    ["a region whose code the data writes with its country's", 'Storms hit Midtjylland, Denmark on Monday.', 'Midtjylland', ['Midtjylland', 'Denmark'], 'DK-82'],
    ['a city where the gazetteer has no region code', 'The summit in Lyon ended.', 'Lyon', ['Lyon'], null],
  ])('%s', (_, text, name, names, expected) => {
    expect(link(text, names).get(name)?.region_code).toBe(expected);
  });
});

describe('place linking: what must not be linked that way', () => {
  it.each([
    ['a region of a country the release does not name', 'Traffic on Long Island grew.', 'Long Island'],
    ['a region of a country the release does not name, named like a US one', 'Rains hit the West Coast on Monday.', 'West Coast'],
  ])('not: %s', (_, text, name) => {
    expect(link(text, [name]).get(name)).toBeNull();
  });

  it('a world region is not a smaller place of its name', () => {
    expect(link('Trade with Asia grew.', ['Asia']).get('Asia')).toBeNull();
  });

  it.each([
    ['a town with no region or country named', 'Tourism in Moab grew.', 'Moab', ['Moab'], null],
    ['a town in a state the release does not name', 'Counties of Missouri, among them Platte and Boone, get aid.', 'Platte', ['Platte', 'Missouri', 'Boone'], null],
    ['a place the gazetteer of cities has is not taken for a small town of the named state', 'Officials in Kentucky said London will host the summit.', 'London', ['London', 'Kentucky'], 'GB city 52'],
    ['a city more than fifty times larger than the one in the named state', 'Texas growers will show their cotton in Paris next week.', 'Paris', ['Paris', 'Texas'], 'FR city 49'],
    ['a country after a town stays a country', 'Families in Bakers Creek, Australia were thanked.', 'Australia', ['Bakers Creek', 'Australia'], 'AU country -'],
    ['a city ten times larger wins over one in a named country', 'A delegation from the United Kingdom visited Boston.', 'Boston', ['Boston', 'United Kingdom'], 'US city 42'],
    ['a country in a list of countries', 'Members include China, Colombia, Cuba and Chile.', 'Colombia', ['China', 'Colombia', 'Cuba', 'Chile'], 'CO country -'],
    ['a county in a list of counties', 'Aid goes to Dakota and Ramsey Counties in Minnesota.', 'Ramsey', ['Dakota', 'Ramsey', 'Minnesota'], null],
    ['a county before "County"', 'Officials of Hancock County, Maine met.', 'Hancock', ['Hancock', 'Maine'], null],
    ['a city before a person and another county', 'Portland Mayor Tom Smith and Multnomah County officials met in Oregon.', 'Portland', ['Portland', 'Oregon'], 'US city 46'],
    ['"Washington" alone (the state, or the capital) is no evidence for other places', 'Officials in Washington said Monroe needs a bridge.', 'Monroe', ['Washington', 'Monroe'], null],
    ['a small city alone, in a release that names only its country', 'U.S. Senator Ann Hale said Covington will get a new school.', 'Covington', ['Covington', 'U.S.'], null],
    ['a name that is a small place abroad only by its spelling', 'The Bush administration proposed the cut.', 'Bush', ['Bush'], null],
    ['a state before "counties" stays a state', 'Aid reaches all 87 Minnesota counties.', 'Minnesota', ['Minnesota'], 'US region -'],
    ['a county named like a state, in a list of counties', 'Farmers in Broome, Delaware and Otsego counties of New York get aid.', 'Delaware', ['Broome', 'Delaware', 'Otsego', 'New York'], null],
    ['the last of a list of counties with a serial comma', 'Aid goes to Page, Rockingham, and Warren counties.', 'Warren', ['Page', 'Rockingham', 'Warren'], null],
    ['a city in a list of places that names its counties as such', 'Georgians from Atlanta, Albany and Pike County and Walton Counties came.', 'Atlanta', ['Atlanta', 'Albany', 'Pike', 'Walton'], 'US city 34'],
    ['a county named like a region abroad, in a list of counties', 'Suffolk and Nassau counties will share the grant.', 'Suffolk', ['Suffolk', 'Nassau'], null],
    ['a state before a state with the commas stripped is a list', 'Senators from Mississippi  Louisiana  Missouri and Alabama wrote', 'Louisiana', ['Mississippi', 'Louisiana', 'Missouri', 'Alabama'], 'US region -'],
    ['a headline and a dateline set apart by layout are no place and its state', 'Grant to Benefit Rochester                    Washington  DC  Senator Ida Crane said', 'Rochester', ['Rochester', 'Washington'], 'US city 43'],
    ['a small place with a stripped possessive is not read', 'The grant will help Joplins schools', 'Joplins', ['Joplins'], null],
    ['a postal code that is no region of a place of the name', 'The office in Portland, NV opened.', 'Portland', ['Portland'], 'US city 46'],
    ['a county listed after "counties of", past an aside', 'Virginia declared the counties of Accomack (including the town of Chincoteague), Caroline, Essex and Gloucester disaster areas.', 'Essex', ['Virginia', 'Essex'], null],
    ['a county listed after "counties, including"', 'Farmers in the affected counties, including Suffolk and Essex, will get aid.', 'Suffolk', ['Suffolk', 'Essex'], null],
    ['a state alone after "counties of" stays a state', 'Aid goes to the counties of Virginia this year.', 'Virginia', ['Virginia'], 'US region -'],
    ['states listed after "counties of" stay states', 'For certain counties of Arizona, Nevada, and Utah, RECA pays.', 'Nevada', ['Arizona', 'Nevada', 'Utah'], 'US region -'],
  ])('not: %s', (_, text, name, names, expected) => {
    expect(where(link(text, names).get(name))).toBe(expected);
  });
});

it('takes a state whose name is first a city abroad as named, whichever comes first in the text', () => {
  const richmond = link('Veterans from California and Virginia met in Richmond; the United States paid.', ['California', 'Virginia', 'Richmond', 'United States']).get('Richmond');
  expect(richmond?.lon).toBeCloseTo(-77.46, 1);
});

describe('countries mentioned', () => {
  it.each([
    ['a country named', 'The U.S. Senate passed the bill.', ['U.S.'], ['US']],
    ['a nationality word', 'Syrian refugees reached Amman.', ['Amman'], ['SY']],
    ['a territory whose data gives another country\'s name as its nationality is not referred to by that name', 'U.S. officials and British diplomats met.', ['U.S.'], ['GB', 'US']],
  ])('%s', (_, text, names, expected) => {
    expect(linkAll(text, names).countries).toEqual(expected);
  });
});
