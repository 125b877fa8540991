import { describe, expect, it } from 'vitest';
import { personInput } from '@shared/domain/resident/person';
import { householdInput } from '@shared/domain/resident/household';
import { officerName, officerRef } from '@shared/domain/officer';
import { migrationCertificate } from '@shared/migration/model';
import { checkedPerson } from '@shared/patrol/entries';
import { normalizeCitizenId, parseCitizenId } from '@shared/validation/citizen-id';
import { documentText, documentTextProblem, normalizeDocumentText, refusedCharacter, textLength } from '@shared/validation/document-text';

const name = documentText('name', 30, { required: true });
const address = documentText('address', 120, { required: true });
const text = documentText('text', 40);

/** The first issue of a failed parse: its code and values, as the renderer words them. */
function issue(result: { success: boolean; error?: { issues: { message: string; code: string; params?: unknown }[] } }): { code: string; params: unknown } | null {
  const first = result.error?.issues[0];
  return result.success || !first ? null : { code: first.message, params: 'params' in first ? first.params : undefined };
}

describe('names', () => {
  it('accept rare characters of CJK Ext A–G (䶮, 𠮷 as a surrogate pair) and compatibility ideographs', () => {
    for (const value of ['刘䶮', '𠮷野家', '王𪚥', '𫟦一', '𬱖明', '﨑山', '㐀丁', '𰀀乙']) expect(name.parse(value), value).toBe(value);
  });

  it('counts 𠮷 as one character: 30 rare characters fit, 31 do not', () => {
    expect(textLength('𠮷𠮷')).toBe(2);
    expect(name.safeParse('𠮷'.repeat(30)).success).toBe(true);
    expect(issue(name.safeParse('𠮷'.repeat(31)))).toEqual({ code: 'tooLong', params: { maximum: 30 } });
  });

  it('keep the middle dot ·, and turn its lookalikes (• ・ ･) into it', () => {
    expect(name.parse('阿依古丽·买买提')).toBe('阿依古丽·买买提');
    for (const dot of ['\u2022', '\u30FB', '\uFF65']) expect(name.parse(`阿依古丽${dot}买买提`)).toBe('阿依古丽·买买提');
    expect(normalizeDocumentText('约翰・史密斯', 'name')).toBe('约翰·史密斯');
  });

  it('accept Latin letters and are trimmed when pasted with spaces and line ends', () => {
    expect(name.parse('  JOHN SMITH \n')).toBe('JOHN SMITH');
    expect(name.parse('\u3000张三\t')).toBe('张三');
  });

  it('refuse emoji, markup, control and format characters, naming the character', () => {
    expect(issue(name.safeParse('张三😀'))).toEqual({ code: 'chars.name', params: { char: '😀' } });
    expect(issue(name.safeParse('<img src=x>'))).toEqual({ code: 'chars.name', params: { char: '<' } });
    expect(issue(name.safeParse('张\u0007三'))).toEqual({ code: 'chars.name', params: { char: 'U+0007' } });
    expect(issue(name.safeParse('张\u200B三'))).toEqual({ code: 'chars.name', params: { char: 'U+200B' } });
    expect(issue(name.safeParse('张\u202E三'))).toEqual({ code: 'chars.name', params: { char: 'U+202E' } });
    expect(issue(name.safeParse('张三2'))).toEqual({ code: 'chars.name', params: { char: '2' } });
    expect(issue(name.safeParse('   '))).toEqual({ code: 'required', params: {} });
  });
});

describe('addresses, workplaces and occupations', () => {
  it('accept the punctuation addresses need', () => {
    for (const value of ['青浦区练塘镇蒸淀路 88 号', '嘉善县姚庄镇中心路12弄3号（东门）', '朱家角镇新风路 1－5 号 #201', '金山区枫泾镇, 亭枫公路 8 号', 'A座12-3室', '上海市徐汇区漕溪北路 398 号 10/F']) {
      expect(address.parse(value), value).toBe(value);
    }
    expect(text.parse('上海𠮷祥物流有限公司（青浦分公司）')).toBe('上海𠮷祥物流有限公司（青浦分公司）');
  });

  it('refuse markup and emoji', () => {
    expect(issue(address.safeParse('蒸淀路 88 号<script>'))).toEqual({ code: 'chars.address', params: { char: '<' } });
    expect(issue(text.safeParse('程序员🚀'))).toEqual({ code: 'chars.text', params: { char: '🚀' } });
    expect(refusedCharacter('公司&"x"', 'text')).toBe('&');
    expect(documentTextProblem('', 'text', { max: 40 })).toBeNull();
  });
});

describe('ID numbers pasted with spaces', () => {
  it('are cleaned, not refused', () => {
    expect(normalizeCitizenId(' 3101 1819 9001 0112 34 ')).toBe('310118199001011234');
    expect(normalizeCitizenId('310118-19900101-123x')).toBe('31011819900101123X');
    expect(normalizeCitizenId('3101\u200B18199001011234')).toBe('310118199001011234');
    const valid = '11010519491231002X';
    expect(parseCitizenId(`${valid.slice(0, 6)} ${valid.slice(6, 14)} ${valid.slice(14)}`).ok).toBe(true);
  });
});

describe('the schemas that forms and sync use', () => {
  const person = {
    name: '𠮷田·花子',
    formerNames: '吉田花子、花子',
    relationship: '02',
    sex: '2',
    ethnicity: '01',
    birthDate: '1949-12-31',
    idNumber: '110105 19491231 002X',
    occupation: '教师',
    workplace: '青浦区<b>实验</b>小学',
  };

  it('records: a person keeps rare names and a cleaned ID, and refuses markup in 服务处所', () => {
    const result = personInput.safeParse(person);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['workplace', 'chars.text']]);
    const fixed = personInput.parse({ ...person, workplace: '青浦区实验小学' });
    expect(fixed).toMatchObject({ name: '𠮷田·花子', idNumber: '11010519491231002X' });
    const household = householdInput.safeParse({ number: '000123', kind: '1', address: '蒸淀路😀88号', divisionCode: '310118', issueDate: '2020-01-01' });
    expect(household.error?.issues.find((i) => i.path[0] === 'address')?.message).toBe('chars.address');
  });

  it('officers: names follow the name rule; a neighbour cannot send markup as an officer name', () => {
    expect(officerName.parse(' 李䶮 ')).toBe('李䶮');
    expect(officerName.safeParse('李强<i>').success).toBe(false);
    expect(officerRef.safeParse({ province: '310000', policeNumber: '000001', name: '<img src=x onerror=alert(1)>' }).success).toBe(false);
  });

  it('patrol and migration events are checked on receipt', () => {
    expect(checkedPerson.safeParse({ name: '王五<svg>', idNumber: '11010519491231002X', result: 'clear' }).error?.issues[0]?.message).toBe('chars.name');
    const certificate = {
      number: 'MC-2026-0001',
      persons: [{ name: '张三', formerName: '', sex: '1', ethnicity: '01', birthDate: '1990-01-01', idNumber: '310118199001011234', occupation: '<img src=x>' }],
      originAddress: '嘉善县姚庄镇中心路 12 号',
      originAuthority: '嘉善县公安局姚庄派出所',
      destinationAddress: '青浦区练塘镇蒸淀路 88 号',
      category: 'spouse',
      permitNumber: 'P-1',
      issuingStation: { code: '330421520000', name: '姚庄派出所', province: '330000', districtName: '嘉善县' },
      officer: { province: '330000', policeNumber: '000004', name: '陈静' },
      issuedAt: '2026-01-01T08:00:00+08:00',
      validUntil: '2026-02-01',
    };
    const result = migrationCertificate.safeParse(certificate);
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['persons.0.occupation', 'chars.text']]);
  });
});
