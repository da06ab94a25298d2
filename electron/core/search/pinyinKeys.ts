import { pinyin } from 'pinyin-pro';

/**
 * The pinyin initials a clerk may type for a name ("cljx" for 长乐机械), computed when the name is written.
 * Two readings are kept, separated by a space: the reading in context (pinyin-pro's phrase rules) and each
 * character's own most common reading, so a polyphone read either way is found (镇长 vs. 长安 in
 * 长乐镇长安村). Letters and digits in the name are kept lower-cased; punctuation is dropped.
 */
export function pinyinInitials(raw: string): string {
  const name = raw.normalize('NFKC');
  const inContext = initials(pinyin(name, { pattern: 'first', toneType: 'none', type: 'array' }));
  const perChar = initials([...name].map((ch) => pinyin(ch, { pattern: 'first', toneType: 'none' })));
  return inContext === perChar ? inContext : `${inContext} ${perChar}`;
}

function initials(parts: string[]): string {
  return parts
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}
