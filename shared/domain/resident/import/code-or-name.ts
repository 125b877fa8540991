import { codeTables, type CodeEntry, type CodeTableName } from '../code-tables';

/**
 * A coded column as exports and people fill it: the code (`01`), the code with its leading zeros lost to a
 * spreadsheet (`1`), the Chinese name (`汉族`), the name without its 族 (`汉`), or the English name. The
 * answer is the code, or the text unchanged when nothing matches, so the form's own rule refuses it with the
 * same message a form would show.
 */
const lookup = new Map<CodeTableName, Map<string, string>>();

function tableLookup(name: CodeTableName): Map<string, string> {
  const known = lookup.get(name);
  if (known) return known;
  const map = new Map<string, string>();
  for (const entry of codeTables[name] as readonly CodeEntry[]) {
    map.set(entry.code.toLowerCase(), entry.code);
    map.set(entry.zh, entry.code);
    map.set(entry.en.toLowerCase(), entry.code);
  }
  // Names written without the table's suffix (汉 for 汉族, A for A型), unless another entry already has that text.
  for (const entry of codeTables[name] as readonly CodeEntry[]) {
    const short = entry.zh.replace(/[族型]$/u, '');
    if (short !== entry.zh && short !== '' && !map.has(short)) map.set(short, entry.code);
  }
  lookup.set(name, map);
  return map;
}

export function codeFromText(name: CodeTableName, text: string): string {
  const value = text.trim();
  if (value === '') return '';
  const map = tableLookup(name);
  const direct = map.get(value) ?? map.get(value.toLowerCase());
  if (direct !== undefined) return direct;
  if (/^\d+$/.test(value)) {
    // A code that lost its leading zeros (Excel turns 01 into 1): pad to the table's code widths.
    for (const entry of codeTables[name] as readonly CodeEntry[]) {
      if (entry.code.length > value.length && /^\d+$/.test(entry.code) && Number(entry.code) === Number(value)) return entry.code;
    }
  }
  return value;
}
