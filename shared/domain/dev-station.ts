import type { StationIdentity } from './station';

/** The identity an unprovisioned development build shows, so the frame has a station until provisioning runs. */
export const developmentStation: StationIdentity = {
  code: '310118520000',
  name: '蒸淀派出所',
  province: '310000',
  districtCode: '310118',
  districtName: '青浦区',
  kind: 'development',
};
