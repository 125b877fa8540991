import { describe, expect, it } from 'vitest';
import type { HouseholdRow } from '@shared/domain/resident/household';
import { destinationFromHousehold } from '@renderer/features/migration/destination';
import { emptyDraftForm } from '@renderer/features/migration/tables';

const household = {
  id: '01HOUSEHOLD00000000000000A',
  number: '000777',
  address: '上海市金山区吕巷镇干巷路2号',
  householderId: 'p1',
} as HouseholdRow;
const householder = { name: '张伟', idNumber: '310116198001010016' };

describe('picking the destination household (issue 16 §9)', () => {
  it('fills 户号, address, 户主 and the 投靠人 from the household', () => {
    const next = destinationFromHousehold(emptyDraftForm().destination, household, householder);
    expect(next).toMatchObject({
      householdId: household.id,
      householdNo: '000777',
      address: '上海市金山区吕巷镇干巷路2号',
      householderName: '张伟',
      sponsorName: '张伟',
      sponsorIdNumber: '310116198001010016',
    });
  });

  it('keeps a sponsor the officer typed who is not the householder; follows a new householder otherwise', () => {
    const typed = { ...emptyDraftForm().destination, householderName: '王强', sponsorName: '李娜', sponsorIdNumber: '' };
    expect(destinationFromHousehold(typed, household, householder)).toMatchObject({ householderName: '张伟', sponsorName: '李娜' });
    const followed = { ...emptyDraftForm().destination, householderName: '王强', sponsorName: '王强' };
    expect(destinationFromHousehold(followed, household, householder)).toMatchObject({ householderName: '张伟', sponsorName: '张伟' });
  });

  it('a household without members yet leaves the names as typed', () => {
    const typed = { ...emptyDraftForm().destination, householderName: '王强', sponsorName: '王强' };
    expect(destinationFromHousehold(typed, { ...household, householderId: null }, undefined)).toMatchObject({ householderName: '王强', sponsorName: '王强', householdNo: '000777' });
  });
});
