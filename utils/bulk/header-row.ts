import { checkUsername } from '../instagram/username';

/**
 * Words of a header cell naming the username column, strongest first: English, Spanish and
 * Portuguese, without accents ("Usuário" is read as "usuario").
 */
export const USERNAME_HEADER_WORDS = [
  'username',
  'usuario',
  'handle',
  'instagram',
  'ig',
  'creator',
  'creador',
  'criador',
  'account',
  'cuenta',
  'conta',
  'user',
  'profile',
  'perfil',
];
const USERNAME_WORDS = new Set(USERNAME_HEADER_WORDS);
/** Words that mark a first row as a header even in other columns. */
const HEADER_WORDS = new Set([
  ...USERNAME_HEADER_WORDS,
  ...['name', 'email', 'status', 'id', 'notes', 'country', 'followers', 'brand', 'campaign', 'date'],
  ...['nombre', 'correo', 'estado', 'notas', 'pais', 'seguidores', 'marca', 'campana', 'fecha'],
  ...['nome', 'campanha', 'data'],
]);
/** Little words between header words ("nombre_de_usuario"). */
const JOINING_WORDS = new Set(['de', 'do', 'da', 'del']);

/** A header cell's words: lower case, accents and width folded ("Nome de usuário" is nome, de, usuario). */
export function headerWords(cell: string): string[] {
  return cell
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** One of the words, or its plural ("usernames", "usuarios", "creadores"). */
function isOneOf(words: ReadonlySet<string>, word: string): boolean {
  return words.has(word) || (word.endsWith('s') && words.has(word.slice(0, -1))) || (word.endsWith('es') && words.has(word.slice(0, -2)));
}

/**
 * Whether one cell names a column. A cell that could be a creator ("usuario_oficial",
 * "conta.fit") must be a header word, or made only of them around a username word
 * ("creator_username"); any other cell needs one header word ("Nome de usuário", "Campaña").
 */
function isHeaderCell(cell: string): boolean {
  const words = headerWords(cell);
  if (!checkUsername(cell).ok) return words.some((word) => isOneOf(HEADER_WORDS, word));
  if (words.length === 1) return isOneOf(HEADER_WORDS, words[0]!);
  return (
    words.every((word) => isOneOf(HEADER_WORDS, word) || JOINING_WORDS.has(word)) && words.some((word) => isOneOf(USERNAME_WORDS, word))
  );
}

/** Nothing hidden or look-alike: a list opening with such a line is not told it is a header. */
function isPlain(cell: string): boolean {
  return !/\p{C}/u.test(cell) && cell === cell.normalize('NFKC');
}

/**
 * Whether the first row of a file or pasted list is a header, not creators: a cell names a
 * column, or the row is plain words ("Who to ask") where the rows below it (`sample`) hold usernames.
 */
export function isHeaderRow(first: readonly string[], sample: readonly (readonly string[])[]): boolean {
  const cells = first.filter((cell) => cell.trim());
  if (cells.some(isHeaderCell)) return true;
  const hasUsername = (row: readonly string[]) => row.some((cell) => checkUsername(cell).ok);
  const words = cells.every(isPlain) && cells.some((cell) => /\p{L}\s+\p{L}/u.test(cell));
  return words && !hasUsername(cells) && sample.some(hasUsername);
}
