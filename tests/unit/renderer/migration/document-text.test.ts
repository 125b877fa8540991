import { describe, expect, it } from 'vitest';
import { issuingAuthority } from '@renderer/features/migration/document-text';

describe('official document text', () => {
  it('prints the issuing authority as the district sub-bureau and the station, in Chinese', () => {
    expect(issuingAuthority({ districtName: '金山区', name: '吕巷派出所' })).toBe('金山区公安分局 吕巷派出所');
  });
});
