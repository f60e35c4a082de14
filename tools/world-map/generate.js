// Writes the dashboard's world map: every country's outline as an SVG path, its names in Chinese and English and its
// continent. Run once with `npm install && npm run generate`; the output is committed, so the page needs no network.
const fs = require("fs");
const path = require("path");
const d3 = require("d3-geo");
const topojson = require("topojson-client");
// Outlines from the small-scale shapes; label points from the finer ones, which also hold Singapore, Malta, Monaco...
const atlas = require("world-atlas/countries-110m.json");
const fineAtlas = require("world-atlas/countries-50m.json");
const isoCountries = require("i18n-iso-countries");
const { countries, continents } = require("countries-list");

const WIDTH = 1000;
const HEIGHT = 520;
// Natural Earth draws these apart; for Amity's users they are part of China.
const PART_OF_CHINA = ["TW", "HK", "MO"];
const CONTINENT_ZH = { AF: "非洲", AN: "南极洲", AS: "亚洲", EU: "欧洲", NA: "北美洲", OC: "大洋洲", SA: "南美洲" };
const OUT = path.join(__dirname, "../../consumers/src/main/resources/dashboard/world.json");

const alpha2 = (geometry) => geometry.id && isoCountries.numericToAlpha2(geometry.id);
const target = (code) => (PART_OF_CHINA.includes(code) ? "CN" : code);

function countryShapes(topology) {
  const byCountry = new Map();
  for (const g of topology.objects.countries.geometries.filter((one) => alpha2(one))) {
    byCountry.set(target(alpha2(g)), [...(byCountry.get(target(alpha2(g))) || []), g]);
  }
  return byCountry;
}

const geometries = atlas.objects.countries.geometries.filter((g) => alpha2(g) !== "AQ");
const shapes = countryShapes(atlas);
const fineShapes = countryShapes(fineAtlas);

const land = topojson.merge(atlas, geometries);
const projection = d3.geoNaturalEarth1().fitSize([WIDTH, HEIGHT], land);
const draw = d3.geoPath(projection).digits(1);

// The label point: the centroid of the largest part, so that France is placed in Europe and not in its territories.
function labelPoint(shape) {
  const parts = shape.type === "MultiPolygon" ? shape.coordinates : [shape.coordinates];
  const largest = parts.map((p) => ({ type: "Polygon", coordinates: p }))
    .reduce((a, b) => (d3.geoArea(a) >= d3.geoArea(b) ? a : b));
  return projection(d3.geoCentroid(largest)).map((v) => Math.round(v * 10) / 10);
}

const out = {};
for (const code of Object.keys(countries).filter((c) => !PART_OF_CHINA.includes(c) && c !== "AQ").sort()) {
  const entry = {
    en: isoCountries.getName(code, "en") || countries[code].name,
    zh: isoCountries.getName(code, "zh") || countries[code].name,
    continent: countries[code].continent,
  };
  if (shapes.has(code)) {
    entry.path = draw(topojson.merge(atlas, shapes.get(code)));
  }
  if (fineShapes.has(code)) {
    entry.at = labelPoint(topojson.merge(fineAtlas, fineShapes.get(code)));
  }
  out[code] = entry;
}

const world = {
  source: "Natural Earth 1:110m, label points 1:50m (public domain) through world-atlas 2.0.2; names from i18n-iso-countries 7.14.0;"
    + " continents from countries-list 3.4.1. Schematic: not a standard map.",
  width: WIDTH,
  height: HEIGHT,
  land: draw(land),
  partOfChina: PART_OF_CHINA,
  continents: Object.fromEntries(Object.keys(continents).filter((c) => c !== "AN")
    .map((c) => [c, { en: continents[c], zh: CONTINENT_ZH[c] }])),
  countries: out,
};
fs.writeFileSync(OUT, JSON.stringify(world) + "\n");
console.log(`${OUT}: ${Object.keys(out).length} countries, ${fs.statSync(OUT).size} bytes`);
