/**
 * presslens: press releases in, research datasets of people, organisations, places and themes out.
 *
 *   import { extract } from 'presslens';
 *   const { documents, entities, problems } = await extract('corpus');
 */
export { extract, extractToDirectory, type ExtractResult, type ExtractToDirectoryResult } from './api.js';
export type { ExtractOptions } from './settings.js';
export { PresslensError, ExitCode } from './util/errors.js';
export { DocumentRecord, Entity, Mention, DocumentTheme, Evidence, Keyword, Role, Acronym, Place } from './schema/document.js';
export { Problem } from './schema/problem.js';
export { Codebook, Theme } from './schema/codebook.js';
export { CSV_TABLES, columnsOf } from './schema/tables.js';
export { VERSION } from './version.js';
