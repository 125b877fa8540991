import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '@shared/csv';

describe('CSV cells', () => {
  it.each([
    ['=SUM(A1:A2)', "'=SUM(A1:A2)"],
    ['+86 21 5555', "'+86 21 5555"],
    ['-1', "'-1"],
    ['@cmd', "'@cmd"],
    ['\tindented', "'\tindented"],
  ])('prefixes text that a spreadsheet would run as a formula: %j', (text, cell) => {
    expect(csvCell(text)).toBe(cell);
  });

  it('prefixes a leading CR and then quotes the cell, since it holds a line break', () => {
    expect(csvCell('\r=1')).toBe(`"'\r=1"`);
  });

  it('leaves numbers alone, even negative ones, and formula characters that do not lead', () => {
    expect(csvCell(-1)).toBe('-1');
    expect(csvCell(3.5)).toBe('3.5');
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell('普通文本')).toBe('普通文本');
  });

  it('quotes separators, quotes and line breaks (RFC 4180)', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell('line\r\nbreak')).toBe('"line\r\nbreak"');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
  });

  it('writes nothing for a missing value', () => {
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });
});

describe('CSV files', () => {
  it('starts with a byte-order mark and ends every row with CRLF', () => {
    expect(toCsv([['车牌', '时间'], ['沪A·12345', '-']])).toBe("\uFEFF车牌,时间\r\n沪A·12345,'-\r\n");
  });
});
