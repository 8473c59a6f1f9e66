/** The most creators one job takes; larger lists are split by the person. */
export const MAX_CREATORS = 10_000;
/** The most lines (valid or not) one pasted or imported list may have. */
export const MAX_LIST_ENTRIES = 20_000;
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
/** A creator list has a few columns; a row wider than this is not one (and would not fit on screen). */
export const MAX_COLUMNS = 200;
