// What the command line (main.ts, dist/cli.js) and the library (library.ts, dist/lib.js) share: one
// bundle of its own, dist/core.js, which both load from beside them, so the npm package holds the
// glossary service once, not twice, and both use one copy of each module's state (the strings'
// language above all).
export * as l10n from '@vscode/l10n';
export { tuneGarbageCollection } from '../common/garbageCollection';
export { normalizeSettings } from '../common/settings';
export { applyEdits, LineIndex } from '../common/text';
export { fileUri, uriToFsPath } from '../common/uris';
export { tagsFileChange, TagsFileError } from '../features/tagsFileGenerator';
export { sameLocale } from '../features/translationStatus';
export { parseDocument } from '../parsing/document';
export { CONFIG_FILE_NAMES, IGNORE_FILE_NAME, PACKAGE_JSON_KEY } from '../workspace/configFile';
export { readBytesNow, withoutByteOrderMark } from '../workspace/fileReading';
export { exactUtf8, writeTextFileNow } from '../workspace/files';
export { bundledL10nFolder, useLocale } from '../workspace/translations';
export { check, cliWorkspace, exitCodeOf, loadForCli, SettingsFileError, UsageError } from './check';
export { FORMATS, formatResult, printable, type Format } from './formats';
export { termRows, termsAsText } from './terms';
export { formatTranslations, TRANSLATION_FORMATS, translationsReport, type TranslationFormat } from './translations';
