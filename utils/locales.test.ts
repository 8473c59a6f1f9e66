import { readdirSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const localesDir = resolve(root, 'public/_locales');
const locales = readdirSync(localesDir);
const messagesOf = (locale: string) =>
  JSON.parse(readFileSync(resolve(localesDir, locale, 'messages.json'), 'utf8')) as Record<
    string,
    { message: string; description?: string }
  >;
const english = messagesOf('en');
const placeholders = (message: string) => [...new Set(message.match(/\{\w+\}/g) ?? [])].sort();

function sourceFiles(dir: string, pattern: RegExp): string[] {
  return readdirSync(resolve(root, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && pattern.test(entry.name) && !/\.test\.tsx?$/.test(entry.name))
    .map((entry) => resolve(entry.parentPath, entry.name));
}

describe('_locales', () => {
  it('ships English, Spanish and Brazilian Portuguese', () => {
    expect(locales.sort()).toEqual(['en', 'es', 'pt_BR']);
  });

  it.each(locales.filter((locale) => locale !== 'en'))('%s has every key English has, and no other, each with words', (locale) => {
    const translated = messagesOf(locale);
    expect(Object.keys(translated).sort()).toEqual(Object.keys(english).sort());
    for (const [key, entry] of Object.entries(translated)) expect(entry.message.trim(), `${locale}/${key}`).not.toBe('');
  });

  it.each(locales)('%s keeps every placeholder of each English message, and adds none', (locale) => {
    for (const [key, entry] of Object.entries(messagesOf(locale))) {
      expect(placeholders(entry.message), `${locale}/${key}`).toEqual(placeholders(english[key]!.message));
      // Chrome reads $name$ and $1 in messages itself; our placeholders are braces, and a lone $ would be eaten.
      expect(entry.message.replace(/\$\$/g, ''), `${locale}/${key}`).not.toMatch(/\$/);
    }
  });

  it('gives every plural message both its one and other forms', () => {
    for (const key of Object.keys(english)) {
      const plural = key.match(/^(\w+)_(one|other|many)$/);
      if (!plural) continue;
      expect(english[`${plural[1]}_one`], key).toBeDefined();
      expect(english[`${plural[1]}_other`], key).toBeDefined();
    }
  });

  it('has no English message the code never asks for', () => {
    const code = [...sourceFiles('utils', /\.tsx?$/), ...sourceFiles('components', /\.tsx?$/), ...sourceFiles('entrypoints', /\.tsx?$/)]
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    const manifest = readFileSync(resolve(root, 'wxt.config.ts'), 'utf8');
    const unused = Object.keys(english)
      .map((key) => key.replace(/_(one|other|many)$/, ''))
      .filter((key) => !new RegExp(`\\b${key}\\b`).test(code) && !manifest.includes(`__MSG_${key}__`));
    expect([...new Set(unused)]).toEqual([]);
  });
});

/** Attributes people read or hear: their values must come from the messages too. */
const TEXT_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'aria-roledescription', 'title', 'placeholder', 'alt', 'label']);
/** Prose: a word of letters followed by another word, or a capitalised word ("Cancel"); paths and links are not. */
const PROSE = /^[^/]*$/;
const WORDS = /[A-Za-z]{2,}[\s,.:;!?]+[A-Za-z]|^[A-Z][a-z]{2,}$/;
/** CSS selectors: lists of tag names ("tr, li"), or anything with brackets or pseudo-classes. */
const SELECTOR = /^[a-z0-9]+(, ?[a-z0-9]+)+$|\[|:not\(/;
const isProse = (text: string) => PROSE.test(text) && WORDS.test(text) && !SELECTOR.test(text);
/** Attributes whose values are names for the machine (CSS classes, link relations, file types). */
const MACHINE_ATTRIBUTES = new Set(['class', 'rel', 'accept', 'type', 'id', 'for', 'href', 'autoComplete', 'key']);

/** Inside an attribute for the machine, or compared with (event.key === 'Enter'): not words for people. */
function isMachineValue(node: ts.Node): boolean {
  if (ts.isBinaryExpression(node.parent) && /=/.test(node.parent.operatorToken.getText())) return true;
  for (let at: ts.Node | undefined = node.parent; at && !ts.isSourceFile(at); at = at.parent) {
    if (ts.isJsxAttribute(at)) return MACHINE_ATTRIBUTES.has(at.name.getText());
    if (ts.isJsxElement(at) || ts.isJsxSelfClosingElement(at)) return false;
  }
  return false;
}

function literalTexts(file: string, text = readFileSync(file, 'utf8')): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const where = (node: ts.Node) => `${relative(root, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node) && /[A-Za-z]/.test(node.text)) found.push(`${where(node)} text "${node.text.trim()}"`);
    if (ts.isJsxAttribute(node) && TEXT_ATTRIBUTES.has(node.name.getText()) && node.initializer && ts.isStringLiteral(node.initializer)) {
      if (/[A-Za-z]/.test(node.initializer.text)) found.push(`${where(node)} ${node.name.getText()}="${node.initializer.text}"`);
    }
    // A string in the middle of JSX or a component's logic that reads as a sentence, except class names.
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && isProse(node.text)) {
      const isImport = ts.isImportDeclaration(node.parent) || ts.isExportDeclaration(node.parent);
      const isTextAttribute = ts.isJsxAttribute(node.parent) && TEXT_ATTRIBUTES.has(node.parent.name.getText());
      if (!isImport && !isTextAttribute && !isMachineValue(node)) found.push(`${where(node)} string "${node.text}"`);
    }
    if (ts.isTemplateExpression(node) && isProse(node.head.text + node.templateSpans.map((span) => span.literal.text).join(' '))) {
      if (!isMachineValue(node)) found.push(`${where(node)} template "${node.getText()}"`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('pages', () => {
  it('render no literal words: every sentence, label and name comes from _locales', () => {
    const files = [...sourceFiles('components', /\.tsx?$/), ...sourceFiles('entrypoints', /\.tsx$/)];
    expect(files.length).toBeGreaterThan(20);
    expect(files.flatMap((file) => literalTexts(file))).toEqual([]);
  });

  it('the check finds literal words (it is not a test that cannot fail)', () => {
    const file = resolve(root, 'components/shared/ConfirmDialog.tsx');
    const planted = readFileSync(file, 'utf8')
      .replace('<dialog', '<dialog title="Are you sure"')
      .replace('{request.title}', "{request.title} Really?{busy ? 'Sending now' : `Send ${count} requests`}");
    expect(literalTexts(file, planted).map((finding) => finding.replace(/^\S+ /, ''))).toEqual([
      'title="Are you sure"',
      'text "Really?"',
      'string "Sending now"',
      'template "`Send ${count} requests`"',
    ]);
  });
});
