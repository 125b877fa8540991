import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { householdInput, newHouseholdInput } from '@shared/domain/resident/household';
import { personInput, type PersonInput } from '@shared/domain/resident/person';
import { nameVariants, personTerms, typedBirthDate } from '@shared/domain/resident/search-keys';
import { checkCharacter } from '@shared/validation/citizen-id';
import { divisionTree } from '@shared/validation/division-names';
import { DATABASE_NAME } from '@renderer/platform/db/database';
import { closeDatabase } from '@renderer/platform/db/connection';
import { schemaVersions } from '@renderer/platform/db/schema';
import { sealingMiddleware } from '@renderer/platform/db/sealing';
import { useSessionStore } from '@renderer/platform/session/store';
import { useRecordsStore } from '@renderer/features/records/store';
import { autoModes, searchPersons } from '@renderer/features/records/search';
import { nextHouseholdNumber, searchHouseholds } from '@renderer/features/records/household-search';
import { emptyOffer } from '@renderer/features/records/empty-hint';
import { liveErrors, saveOnlyErrors } from '@renderer/features/records/live-errors';
import { blankPerson, fillFromIdNumber } from '@renderer/features/records/person-form-model';
import { personsTable } from '@renderer/features/records/tables';

/** Issue 16, records: what a new window officer tripped over, each as a behaviour. */
const officer = { province: '310000' as const, policeNumber: '010203', name: '李警官' };
const idOf = (body: string) => body + checkCharacter(body);
const LI_ID = idOf('31011819940315023');
const household = { number: '520000101', kind: 'family', address: '上海市青浦区金泽镇蒸淀村88号', divisionCode: '310118', issueDate: '2026-01-05' };
const person = (over: Partial<PersonInput> = {}): PersonInput => ({
  name: '李雨天',
  relationship: '02',
  sex: '1',
  ethnicity: '01',
  birthDate: '1994-03-15',
  idNumber: LI_ID,
  ...over,
});
const ids = (items: { person: { id: string } }[]) => items.map((i) => i.person.id);
const query = (text: string) => ({ text, mode: 'auto' as const, page: 0, pageSize: 20 });

beforeEach(() => {
  setActivePinia(createPinia());
  useSessionStore().setOfficer({ ref: officer, roles: ['window'] });
});

afterEach(async () => {
  closeDatabase();
  await Dexie.delete(DATABASE_NAME);
});

describe('2. search finds what window staff type', () => {
  it('derives terms: name and given name (compound surnames, dotted names), ID tail, birth date', () => {
    expect(personTerms({ name: '李雨天', idNumber: LI_ID, birthDate: '1994-03-15' })).toEqual(['n:李雨天', 'n:雨天', `t:${LI_ID.slice(-4)}`, 'b:19940315']);
    expect(nameVariants('欧阳娜娜')).toEqual(['欧阳娜娜', '娜娜']);
    expect(nameVariants('阿依古丽·买买提')).toEqual(['阿依古丽·买买提', '阿依古丽', '买买提']);
    expect(personTerms({ name: '王五', idNumber: '11010519491231002x', birthDate: '1949-12-31' })).toContain('t:002X');
    expect(typedBirthDate('19940315')).toBe('19940315');
    expect(typedBirthDate('1994年3月5日')).toBe('19940305');
    expect(typedBirthDate('19940231')).toBeNull();
    expect(typedBirthDate('31011819')).toBeNull();
    expect(autoModes('0243')).toEqual(['idTail', 'idNumber', 'household']);
    expect(autoModes('19940315')).toEqual(['birthDate', 'idNumber', 'household']);
    expect(autoModes('雨天')).toEqual(['name', 'address']);
  });

  it('finds a person by the last 4 of the ID, a birth date as typed, a given name alone', async () => {
    const records = useRecordsStore();
    const h = await records.createHousehold(household);
    const li = await records.createPerson(h.id, person());
    const other = await records.createPerson(h.id, person({ name: '王晓', relationship: '12', sex: '2', birthDate: '1995-07-01', idNumber: idOf('31011819950701022') }));
    const tail = LI_ID.slice(-4);
    const byTail = await searchPersons(query(tail));
    expect([byTail.mode, ids(byTail.items)]).toEqual(['idTail', [li.id]]);
    const byBirth = await searchPersons(query('19940315'));
    expect([byBirth.mode, ids(byBirth.items)]).toEqual(['birthDate', [li.id]]);
    expect(ids((await searchPersons(query('1994-03-15'))).items)).toEqual([li.id]);
    const byGiven = await searchPersons(query('雨天'));
    expect([byGiven.mode, ids(byGiven.items)]).toEqual(['name', [li.id]]);
    // A name prefix still works, and the ID prefix still does for longer digit strings.
    expect(ids((await searchPersons(query('王'))).items)).toEqual([other.id]);
    expect(ids((await searchPersons(query('3101181995'))).items)).toEqual([other.id]);
    // An edit recomputes the terms.
    await records.updatePerson(li.id, person({ name: '李雨晴' }), '更正姓名');
    expect((await searchPersons(query('雨天'))).items).toEqual([]);
    expect(ids((await searchPersons(query('雨晴'))).items)).toEqual([li.id]);
  });

  it('gives persons stored before the terms existed their terms when the database upgrades', async () => {
    // Written as version 13 of the app wrote it: sealed, without terms.
    const old = new Dexie(DATABASE_NAME);
    old.use(sealingMiddleware);
    for (const step of schemaVersions.filter((v) => v.version <= 13)) old.version(step.version).stores(step.stores);
    await old.open();
    await old.table('persons').put({ id: 'legacy', householdId: 'h0', name: '李雨天', idNumber: LI_ID, birthDate: '1994-03-15', sortKey: 'liyutian 李雨天', py: ['liyutian', 'lyt'] });
    old.close();
    expect((await personsTable().get('legacy'))?.terms).toEqual(personTerms({ name: '李雨天', idNumber: LI_ID, birthDate: '1994-03-15' }));
    expect(ids((await searchPersons(query(LI_ID.slice(-4)))).items)).toEqual(['legacy']);
  });
});

describe('1. households are listed and found, numbered automatically', () => {
  it('finds an empty household by 户号, address, and a household by its 户主 (given name too)', async () => {
    const records = useRecordsStore();
    const empty = await records.createHousehold({ ...household, address: '上海市青浦区金泽镇西岑村12号' });
    const full = await records.createHousehold({ ...household, number: '520000102' });
    await records.createPerson(full.id, person());
    await records.createPerson(full.id, person({ name: '王晓', relationship: '12', sex: '2', birthDate: '1995-07-01', idNumber: idOf('31011819950701022') }));
    const all = await searchHouseholds({ text: '', page: 0, pageSize: 20 });
    expect(all.items.map((i) => [i.household.number, i.householder?.name ?? null, i.registered])).toEqual([
      ['520000101', null, 0],
      ['520000102', '李雨天', 2],
    ]);
    expect((await searchHouseholds({ text: '52000010', page: 0, pageSize: 1 })).hasMore).toBe(true);
    const byNumber = await searchHouseholds({ text: '520000101', page: 0, pageSize: 20 });
    expect([byNumber.mode, byNumber.items.map((i) => i.household.id)]).toEqual(['household', [empty.id]]);
    const byAddress = await searchHouseholds({ text: '西岑村', page: 0, pageSize: 20 });
    expect([byAddress.mode, byAddress.items.map((i) => i.household.id)]).toEqual(['address', [empty.id]]);
    const byHead = await searchHouseholds({ text: '雨天', page: 0, pageSize: 20 });
    expect([byHead.mode, byHead.items.map((i) => i.household.id)]).toEqual(['householder', [full.id]]);
    // 王晓 is a member, not the 户主: the household is not found by her name.
    expect((await searchHouseholds({ text: '王晓', page: 0, pageSize: 20 })).items).toEqual([]);
  });

  it('offers the next free 户号 of the station, assigns it when left blank, and keeps numbers unique', async () => {
    const records = useRecordsStore();
    expect(await records.suggestHouseholdNumber()).toBe('520000001');
    const first = await records.createHousehold({ ...household, number: '' });
    expect(first.number).toBe('520000001');
    await records.createHousehold({ ...household, number: '520000003' });
    expect(await nextHouseholdNumber('310118520000')).toBe('520000004');
    const blank = await records.createHousehold({ ...household, number: '' });
    expect(blank.number).toBe('520000004');
    // Edited to a taken number, it is refused.
    await expect(records.createHousehold({ ...household, number: '520000004' })).rejects.toMatchObject({ key: 'householdNumberTaken' });
    // Blank is allowed only for a new household.
    expect(newHouseholdInput.safeParse({ ...household, number: '' }).success).toBe(true);
    expect(householdInput.safeParse({ ...household, number: '' }).success).toBe(false);
  });

  it('offers the districts as a province › city › district tree (no 市辖区 level)', () => {
    const tree = divisionTree();
    const shanghai = tree.find((p) => p.name === '上海市');
    expect(shanghai?.children?.find((d) => d.code === '310118')?.name).toBe('青浦区');
    const jiaxing = tree.find((p) => p.name === '浙江省')?.children?.find((c) => c.name === '嘉兴市');
    expect(jiaxing?.children?.find((d) => d.code === '330421')?.name).toBe('嘉善县');
  });
});

describe('3. form errors refresh once a field was touched', () => {
  const state = (over: Partial<Parameters<typeof liveErrors>[2]> = {}) => ({ touched: new Set<string>(), submitted: false, saveOnly: {}, saveOnlyValues: {}, ...over });

  it('drops 校验码不正确 as soon as the ID is corrected, and 性别 必填 once the ID fills it', () => {
    const model = { ...blankPerson(), name: '李雨天', relationship: '02', idNumber: LI_ID.slice(0, 17) + (LI_ID.endsWith('1') ? '2' : '1') };
    // After a save attempt every field counts as touched.
    const afterSave = state({ submitted: true });
    expect(liveErrors(personInput, model, afterSave)).toMatchObject({ idNumber: { rule: 'idNumber.checksum' }, sex: { rule: 'required' } });
    model.idNumber = LI_ID;
    fillFromIdNumber(model);
    expect(liveErrors(personInput, model, afterSave)).toEqual({});
  });

  it('shows nothing for an untouched field, and a field left with an error at once', () => {
    const model = { ...blankPerson(), idNumber: '123' };
    expect(liveErrors(personInput, model, state())).toEqual({});
    expect(Object.keys(liveErrors(personInput, model, state({ touched: new Set(['idNumber']) })))).toEqual(['idNumber']);
  });

  it('keeps an error only a save can find until its field changes', () => {
    const model: Record<string, string> = { ...household };
    const saved = saveOnlyErrors(householdInput, model, { number: { rule: 'records.errors.householdNumberTaken', params: {} } });
    const s = state({ submitted: true, saveOnly: saved.errors, saveOnlyValues: saved.values });
    expect(liveErrors(householdInput, model, s)).toEqual({ number: { rule: 'records.errors.householdNumberTaken', params: {} } });
    model.number = '520000999';
    expect(liveErrors(householdInput, model, s)).toEqual({});
  });
});

describe('4. the empty records page offers what the officer can do', () => {
  it('names 新建户 only to an officer who has the button', () => {
    // A station admin on a demo station: demo data yes, households no.
    expect(emptyOffer(false, true)).toEqual({ create: false, demo: true, hintKey: 'records.search.emptyHint.demo' });
    expect(emptyOffer(true, false)).toEqual({ create: true, demo: false, hintKey: 'records.search.emptyHint.create' });
    expect(emptyOffer(true, true).hintKey).toBe('records.search.emptyHint.createOrDemo');
    expect(emptyOffer(false, false).hintKey).toBe('records.search.emptyHint.none');
  });
});
