import type { StationRef } from '@shared/migration/model';

/**
 * The issuing authority printed on a permit or certificate: the station's district sub-bureau (分局) and the
 * station. Official document text, so Chinese whatever the interface language; it is stored in the document when
 * issued and travels with it to the other station.
 */
export function issuingAuthority(station: Pick<StationRef, 'districtName' | 'name'>): string {
  return `${station.districtName}公安分局 ${station.name}`.trim();
}
