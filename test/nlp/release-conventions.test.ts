import { describe } from 'vitest';
import { itDoesNotFind, itFinds } from '../helpers/mentions.js';

describe('press-release conventions: names they mark', () => {
  itFinds([
    ['boilerplate heading', 'The company reported results.\n\nAbout Quillfeather Robotics, Inc.\nQuillfeather builds warehouse robots.\n', 'ORGANIZATION:Quillfeather Robotics, Inc.'],
    ['wire service in a dateline', 'DENVER, March 2, 2022 /PRNewswire/ -- Prairie Grid Systems announced a new plant.', 'ORGANIZATION:PRNewswire'],
    ['stock exchange before a ticker', 'Tarnwell Mining Corp. (TSX: TWM) today reported higher output.', 'ORGANIZATION:TSX'],
    ['organisation after a title and "of"', 'said Ana Ruiz, Chief Executive Officer of Zelvora, in a statement.', 'ORGANIZATION:Zelvora'],
    ['legal form ending a company name', 'The order was placed with Brackley Ocean Freight, Inc. last week.', 'ORGANIZATION:Brackley Ocean Freight, Inc.'],
    ['legal form without a comma', 'Copyright 2022 Ostrava Pump Works Ltd and its partners.', 'ORGANIZATION:Ostrava Pump Works Ltd'],
    ["a member of Congress's state after the party", 'Sen. Dora Pike (R-ME) said the bill would help farmers.', 'LOCATION:ME'],
    ['a state code that is also a legal form', 'Rep. Owen Tarr (D-CO) and Sen. Lia Wend (D-NV) wrote to the agency.', ['LOCATION:CO', 'LOCATION:NV']],
    ['an abbreviated state', 'Sen. Carl Ames (R-Mont.) voted against it.', 'LOCATION:Mont.'],
    ['party and state after a comma', 'Sen. Rita Oakes, D-Del., said the port will grow.', 'LOCATION:Del.'],
    ['a state of two words', 'Sen. Lyle Graf (R-South Dakota) voted for it.', 'LOCATION:South Dakota'],
    ['the names before party and state are people', 'MAINE: Hollins (R-ME), Dunmore (D-ME) - THANK YOU', ['PERSON:Hollins', 'PERSON:Dunmore']],
    ['stripped, the party letter is no part of the name', 'Senators Hollins  R ME  and Dunmore  D ME  wrote', ['PERSON:Hollins', 'PERSON:Dunmore']],
  ]);
});

describe('press-release conventions: what they must not mark (false positives)', () => {
  itDoesNotFind([
    ['a ticker symbol is no name', 'Tarnwell Mining Corp. (TSX: TWM) today reported higher output.', /:TWM$/],
    ['a title and "of" before common words', 'The Secretary of Health spoke to reporters on Monday.', /^ORGANIZATION:Health$/],
    ['a title and "of" before a place', 'The President of Ghana arrived in Accra on Monday.', /^ORGANIZATION:Ghana$/],
    ['a mayor governs a place', 'said Tom Hale, the Mayor of Quenby, on Friday.', /^ORGANIZATION:Quenby$/],
    ['"Co." is also a county', 'Funds go to fire departments in Wise Co. and Lee Co. this year.', /^ORGANIZATION:.*Co\.$/],
    ['a title is not part of the company', 'The President and CEO of Brackley Ocean Freight, Inc. spoke first.', /^ORGANIZATION:(President|CEO)/],
    ['"About" inside a sentence', 'About Ninety Mile Beach, residents said little.', /^ORGANIZATION:Ninety Mile Beach$/],
    ['a state code after a letter that is no party', 'Letters (Q-ME) went unanswered.', /^LOCATION:ME$/],
    ['a hyphenated word after a comma is no party and state', 'The troops landed, D-Day, on the coast of Normandy, R-Day.', /^LOCATION:Day$/],
    ['a legal form outside a party and state stays no name', 'The order went to the firm Acme Co on Monday.', /:Co$/],
    ['a country before a party and state whose name a corpus dropped', 'WASHINGTON  United States   D OH  released the following statement', /^PERSON:United States$/],
    ['stripped text: a state code not set off after it', 'Senators Lyle Graf  D ME TOO  wrote', /^LOCATION:ME$/],
  ]);
});

describe('an address: a street after a house number', () => {
  itFinds([
    ['a street', 'The clinic at 410 Larkspur Avenue opens on Monday.', ['LOCATION:Larkspur Avenue']],
    ['without the quadrant after it', 'Mail it to 200 Juniper Avenue NW, Washington.', ['LOCATION:Juniper Avenue']],
    ["a highway's number is part of its name", 'The depot at 3100 East Highway 52 will expand.', ['LOCATION:East Highway 52']],
  ]);
  itDoesNotFind([
    ['an amount is no house number', 'Senate Approves 15 Million For Harbor Road Safety', /Million/],
    ["a street in an organisation's name", 'A November 12 Wall Street Journal article said so.', /^LOCATION:Wall Street$/],
  ]);
});

describe("a place and a US state's abbreviation after it are two names", () => {
  itFinds([
    ['a city and "DC"', 'Senators met in Washington DC on Monday.', ['LOCATION:Washington', 'LOCATION:DC']],
    ['full stops stripped: "D C"', 'June 15  2005   WASHINGTON  D C     Senator Tom Smith said today the bill matters.', ['LOCATION:WASHINGTON', 'LOCATION:D C']],
    ['a state that stays the place where the release names a person with it', 'Washington DC -- Senators visited the home of George Washington at Mount Vernon on Monday.', ['LOCATION:Washington', 'LOCATION:DC']],
  ]);
  itDoesNotFind([
    ['one abbreviation', 'Senator Ann Hale, D-W.Va., spoke.', /^LOCATION:(W\.|Va\.)$/],
    ['a part of the state', 'Farms in Western PA flooded.', /^LOCATION:Western$/],
  ]);
});

describe('an address: a state before a ZIP code, and its town', () => {
  itFinds([
    ['a town and a state, no comma', 'Write to 25 Pine Street, Suite A, Caribou ME 04736 before Friday.', ['LOCATION:Caribou', 'LOCATION:ME']],
    ['with a comma and a ZIP+4 code', 'Send comments to PO Box 12, Hanover, NH 03755-1234 by Friday.', ['LOCATION:Hanover', 'LOCATION:NH']],
    ['stripped of its punctuation', 'Offices  40 Western Avenue  Room 507  Augusta ME 04330  Phone  207 622 8414', ['LOCATION:Augusta', 'LOCATION:ME']],
  ]);
  itDoesNotFind([
    // (The street itself is a place: "25 Pine Street", above.)
    ['a street or a suite is no town', 'Write to 25 Pine Street ME 04736 or Suite B ME 04736.', /^LOCATION:(Street|Suite B|B)$/],
    ['a state code before a number that is no ZIP code', 'Amendments OR 123 and IN 4567 were tabled.', /^LOCATION:(OR|IN)$/],
  ]);
});
