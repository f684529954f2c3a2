import { describe } from 'vitest';
import { itDoesNotFind, itFinds } from '../helpers/mentions.js';

describe('organisation shapes: where a name starts and ends', () => {
  itFinds([
    ['an organisation and a country are two names', 'Officials of the European Union and New Zealand signed the accord.', ['ORGANIZATION:European Union', 'LOCATION:New Zealand']],
    ['a possessive before a committee ends the first name', "She chairs the City Council's Committee on Transport and Roads.", ['ORGANIZATION:City Council', 'ORGANIZATION:Committee on Transport and Roads']],
    ['a possessive after a common noun stays inside the name', "Grants went to the Children's Hospital in Denver.", ['ORGANIZATION:Children\'s Hospital']],
    ['a possessive after a name ends it', "She teaches at Linwood's School of Policy.", ['ORGANIZATION:Linwood', 'ORGANIZATION:School of Policy']],
    ['a plural owner before a name the tagger cut off joins it', "Funds go to the Children's Defense Fund and the Children's Museum.", ["ORGANIZATION:Children's Defense Fund"]],
    ['a mission takes in the country it serves', 'Engineers joined the United Nations Mission in Liberia last year.', ['ORGANIZATION:United Nations Mission in Liberia']],
    ['capitalised words before a committee belong to it', 'The report goes to the Trade and Security Committee next week.', ['ORGANIZATION:Trade and Security Committee']],
    ["a unit's number is part of its name", 'Airmen of the 214th Tanker Airlift Wing flew home on Friday.', ['ORGANIZATION:214th Tanker Airlift Wing']],
    ['a hyphenated unit number too', 'Pilots of the 2-149th Aviation Battalion landed safely.', ['ORGANIZATION:2-149th Aviation Battalion']],
    ['a unit and the larger unit it belongs to are one name', 'Gunners of the 4th Battalion, 377th Field Artillery Regiment trained in the desert.', ['ORGANIZATION:4th Battalion, 377th Field Artillery Regiment']],
  ]);
});

describe('organisation shapes: what they must not do (false positives)', () => {
  itDoesNotFind([
    ['two bodies joined by "and" stay two', 'The bill passed the House and Senate on Friday.', /^ORGANIZATION:House and Senate$/],
    ['a singular owner stays out of the name', "The Nation's National Guard trained on Monday.", /Nation's/],
    ['nor is a possessive left at the start of a name', "Children's Defense Fund officials met on Monday.", /^ORGANIZATION:'s/],
    ['a possessive inside a name stays', "Funding goes to the Somali Mothers' Health Foundation this year.", /^ORGANIZATION:Somali Mothers$/],
    ['a headline verb is not part of the name', 'Senator Cole Joins Bipartisan Coalition For Rural Broadband', /^ORGANIZATION:Joins/],
    ['a task force is not named after its town', 'Officers of the Drug Task Force in Harlow arrested two men.', /^ORGANIZATION:.*in Harlow$/],
    ['"The" does not start a name', 'Professor Ruth Abel at The Fletcher School spoke.', /^ORGANIZATION:The /],
    ["a Congress's number is a time, not part of the name", 'In the 109th Congress the bill passed.', /^ORGANIZATION:109th/],
    ['a century is not a unit number', 'Grants go to the 21st Century Rural Learning Center this year.', /^ORGANIZATION:21st/],
    ['a list of units of one size stays a list', 'Troops of the 81st Infantry Division, 92nd Infantry Division and 7th Light Division deployed.', /Division, /],
  ]);
});

describe('title-case organisations the tagger missed', () => {
  itFinds([
    ['ending in a head word', 'Officers of the Northern Ridge Mounted Police attended the ceremony.', 'ORGANIZATION:Northern Ridge Mounted Police'],
    ['starting with a head word, going on with "of"', 'Findings will be shared with the Committee on the Rural Dimension of Security next month.', 'ORGANIZATION:Committee on the Rural Dimension of Security'],
    ['common words with a head word are a name, not a short form', 'Funding came from the World Health Organization and others.', 'ORGANIZATION:World Health Organization'],
    ['a numbered unit', 'The 6th Battalion returned from its deployment on Monday.', 'ORGANIZATION:6th Battalion'],
  ]);

  itDoesNotFind(
    [
      ['a title is no organisation', 'He met the Secretary of Energy on Monday.', /^ORGANIZATION:Secretary/],
      ['a programme is no organisation', 'Towns applied to the Rural Water Grant Program this year.', /Program$/],
      ['two bodies joined by "and"', 'Soldiers of the Guard and Reserve were thanked.', /^ORGANIZATION:Guard and Reserve$/],
      ['a headline in title case', 'Senate Passes Rural Broadband Bill For Farm Communities', /^ORGANIZATION:.*Bill/],
      // The number is the text's last token: no name after it (this once failed the document).
      ['a text ending with "the" and a number', 'I will be asking for them on the 31st', /ORGANIZATION/],
    ],
    'not: %s',
  );
});

describe('places inside longer names', () => {
  itFinds([
    ['a longer country name holds a tagged place', 'Aid convoys reached South Sudan and the Democratic Republic of the Congo on Monday.', ['LOCATION:South Sudan', 'LOCATION:Democratic Republic of the Congo']],
    ['a two-word city the gazetteer knows', 'The shipyard in Colorado Springs hired welders.', 'LOCATION:Colorado Springs'],
    ['a city whose last word is an organisation head stays a place', 'The mayor of Newport News opened the bridge.', 'LOCATION:Newport News'],
    ['a place before an organisation name is part of it', 'The Fort Wayne Public Transportation Corporation added routes.', 'ORGANIZATION:Fort Wayne Public Transportation Corporation'],
  ]);
  itDoesNotFind([
    ['a place before an organisation with no head word stays a place', 'Officials said in Brussels NATO would decide.', /Brussels NATO/],
  ]);
});
