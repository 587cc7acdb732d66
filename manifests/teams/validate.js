// Validates a Teams app folder (manifest.json + icons) against the official Teams manifest JSON schema shipped in
// @microsoft/app-manifest (no network): schema, icon sizes, a transparent outline icon, a personal-scope bot.
// Usage: node validate.js [folder]   (default: this folder; a template's {{MICROSOFT_APP_ID}} is checked with a sample id)
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const Ajv = require('ajv-draft-04');
const addFormats = require('ajv-formats');

const folder = path.resolve(process.argv[2] || __dirname);
const SAMPLE_ID = '00000000-0000-0000-0000-000000000000';
const problems = [];

const text = fs.readFileSync(path.join(folder, 'manifest.json'), 'utf8').replaceAll('{{MICROSOFT_APP_ID}}', SAMPLE_ID);
const manifest = JSON.parse(text);
const schemaFile = require.resolve(`@microsoft/app-manifest/build/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`);
const schema = JSON.parse(fs.readFileSync(schemaFile, 'utf8'));

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);
if (!validate(manifest)) {
  for (const error of validate.errors) problems.push(`manifest.json${error.instancePath || ''}: ${error.message} ${JSON.stringify(error.params)}`);
}

function pngInfo(file) {
  const data = fs.readFileSync(path.join(folder, file));
  if (data.subarray(0, 8).toString('hex') !== '89504e470d0a1a0a') throw new Error(`${file} is not a PNG`);
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20), colorType: data[25] };
}

const color = pngInfo(manifest.icons.color);
if (color.width !== 192 || color.height !== 192) problems.push(`${manifest.icons.color} must be 192x192, is ${color.width}x${color.height}`);
const outline = pngInfo(manifest.icons.outline);
if (outline.width !== 32 || outline.height !== 32) problems.push(`${manifest.icons.outline} must be 32x32, is ${outline.width}x${outline.height}`);
if (outline.colorType !== 6 && outline.colorType !== 4) problems.push(`${manifest.icons.outline} must have an alpha channel (transparent background)`);

const bot = (manifest.bots || [])[0];
if (!bot || !bot.scopes.includes('personal')) problems.push('the bot must be available in personal scope');
if (bot && bot.botId !== manifest.id) problems.push('bots[0].botId must be the app id (the Azure Bot\'s Microsoft App ID)');

if (problems.length > 0) {
  for (const problem of problems) console.error(`INVALID ${problem}`);
  process.exit(1);
}
console.log(`valid: ${path.join(folder, 'manifest.json')} (Teams manifest schema v${manifest.manifestVersion}), icons 192x192 and 32x32`);
