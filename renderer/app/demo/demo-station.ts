import { signedIn, type useSessionStore } from '@renderer/platform/session';
import { useStationStore } from '@renderer/platform/station';
import { useRosterStore } from '@renderer/sync';
import { seedDemoResidents } from '@renderer/features/records';
import { loadDemoOfficers } from './demo-officers';

type Session = Pick<ReturnType<typeof useSessionStore>, 'setOfficer' | 'setupInProgress'>;

/** 演示站点的居民: households generated for the demo station. */
export const DEMO_HOUSEHOLDS = 300;
export type ProgressListener = (done: number, total: number) => void;

export interface DemoStationOptions {
  residents: boolean;
  onProgress?: ProgressListener;
}

/**
 * 加载演示站点: the demo officers, then (when the records feature offers it) demo residents. The residents are
 * written as the demo station admin, whose role allows `demo.load`; the session is cleared afterwards so the
 * user signs in as whom they choose.
 */
export async function loadDemoStation(session: Session, options: DemoStationOptions): Promise<void> {
  session.setupInProgress = true;
  try {
    const accounts = await loadDemoOfficers();
    // An unprovisioned install has just become a demo station: the frame, the banner and the residents follow it.
    await Promise.all([useStationStore().load(), useRosterStore().load()]);
    const seeder = options.residents ? seedDemoResidents : null;
    const admin = accounts.find((a) => a.roles.includes('stationAdmin'));
    if (!seeder || !admin) return;
    session.setOfficer(signedIn(admin));
    try {
      await seeder({ households: DEMO_HOUSEHOLDS, onProgress: options.onProgress });
    } finally {
      session.setOfficer(null);
    }
  } finally {
    session.setupInProgress = false;
  }
}
