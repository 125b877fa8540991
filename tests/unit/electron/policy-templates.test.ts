import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { MACHINE_POLICY_KEY, MAX_IDLE_LOCK_MINUTES, MIN_IDLE_LOCK_MINUTES, POLICY_VALUES, policyMinTlsVersion, policyUiLanguage } from '@shared/policy/machine-policy';

/** The ADMX/ADML group-policy templates (resources/policy/) agree with what main reads (shared/policy/machine-policy.ts). */
const dir = join(import.meta.dirname, '../../../resources/policy');
const window = new Window();
function xml(path: string): Document {
  const text = readFileSync(join(dir, path), 'utf8');
  const doc = new window.DOMParser().parseFromString(text, 'application/xml') as unknown as Document;
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  return doc;
}
const all = (doc: Document, tag: string) => [...doc.getElementsByTagName(tag)] as Element[];

const admx = xml('yrd-station.admx');
const languages = ['zh-CN', 'en-US'];
const adml = Object.fromEntries(languages.map((l) => [l, xml(`${l}/yrd-station.adml`)]));

describe('group policy templates', () => {
  it('define one machine policy per value main reads, all under HKLM\\Software\\Policies\\YRD Station', () => {
    const policies = all(admx, 'policy');
    expect(policies.map((p) => p.getAttribute('name')).sort()).toEqual(Object.keys(POLICY_VALUES).sort());
    for (const policy of policies) {
      expect(policy.getAttribute('class')).toBe('Machine');
      expect(`HKLM\\${policy.getAttribute('key')}`).toBe(MACHINE_POLICY_KEY);
    }
    const valueNames = [...policies.map((p) => p.getAttribute('valueName')), ...all(admx, 'elements').flatMap((e) => [...e.children].map((c) => c.getAttribute('valueName')))].filter(Boolean);
    expect(valueNames.sort()).toEqual(Object.keys(POLICY_VALUES).sort());
  });

  it('write the registry types and values main accepts', () => {
    const element = (tag: string, id: string) => all(admx, tag).find((e) => e.getAttribute('id') === id);
    const enumValues = (id: string) => [...(element('enum', id)?.getElementsByTagName('string') ?? [])].map((s) => s.textContent);
    expect(enumValues('UiLanguage')).toEqual(policyUiLanguage.options);
    expect(enumValues('MinimumTlsVersion')).toEqual(policyMinTlsVersion.options);
    const idle = element('decimal', 'IdleLockMinutes');
    expect([Number(idle?.getAttribute('minValue')), Number(idle?.getAttribute('maxValue'))]).toEqual([MIN_IDLE_LOCK_MINUTES, MAX_IDLE_LOCK_MINUTES]);
    expect(element('text', 'ProvisioningPackageFolder')?.getAttribute('expandable')).toBe('true');
    const demo = all(admx, 'policy').find((p) => p.getAttribute('name') === 'DisableDemoStations');
    expect(demo?.getElementsByTagName('enabledValue')[0]?.getElementsByTagName('decimal')[0]?.getAttribute('value')).toBe('1');
    expect(demo?.getElementsByTagName('disabledValue')[0]?.getElementsByTagName('decimal')[0]?.getAttribute('value')).toBe('0');
    // DWORD policies are decimals or enabled/disabled values; string policies are text or string enums (POLICY_VALUES kinds).
    for (const [name, spec] of Object.entries(POLICY_VALUES)) {
      const isDword = name === 'DisableDemoStations' || all(admx, 'decimal').some((d) => d.getAttribute('valueName') === name);
      expect(isDword, name).toBe(spec.kind === 'dword');
    }
  });

  it.each(languages)('have every string and presentation the ADMX uses in %s', (language) => {
    const doc = adml[language] as Document;
    const text = readFileSync(join(dir, 'yrd-station.admx'), 'utf8');
    const strings = new Set(all(doc, 'string').filter((s) => s.parentElement?.tagName.toLowerCase() === 'stringtable').map((s) => s.getAttribute('id')));
    const presentations = new Set(all(doc, 'presentation').map((p) => p.getAttribute('id')));
    for (const [, id] of text.matchAll(/\$\(string\.([A-Za-z0-9_]+)\)/g)) expect(strings.has(id as string), `string ${id}`).toBe(true);
    for (const [, id] of text.matchAll(/\$\(presentation\.([A-Za-z0-9_]+)\)/g)) expect(presentations.has(id as string), `presentation ${id}`).toBe(true);
    const elementIds = new Set(all(admx, 'elements').flatMap((e) => [...e.children].map((c) => c.getAttribute('id'))));
    const refIds = all(doc, 'presentation').flatMap((p) => [...p.children].map((c) => c.getAttribute('refId')));
    for (const ref of refIds) expect(elementIds.has(ref), `refId ${ref}`).toBe(true);
  });

  it('write zh-CN in Chinese and en-US in English', () => {
    const title = (l: string) => all(adml[l] as Document, 'string').find((s) => s.getAttribute('id') === 'IdleLockMinutes')?.textContent;
    expect(title('zh-CN')).toBe('空闲锁屏时间（分钟）');
    expect(title('en-US')).toBe('Idle lock (minutes)');
  });
});
