import { z } from 'zod';
import { provinceCode } from './province';
import { policeNumber } from '../validation/police-number';
import { documentText } from '../validation/document-text';

/** The five roles of a station (等保 separation: the admin manages accounts, the auditor reads the trail). */
export const roles = ['window', 'approver', 'patrolLead', 'stationAdmin', 'auditor'] as const;
export const role = z.enum(roles);
export type Role = z.infer<typeof role>;
// window 窗口民警 · approver 人口办审批 · patrolLead 巡逻带班 · stationAdmin 所管理员 · auditor 审计员

/** An officer as other records refer to them: 警号 is unique only within one province, so both are the key. */
export const officerRef = z.object({
  province: provinceCode,
  policeNumber,
  // Checked as document text wherever a ref is parsed, events from neighbours included (no markup, no control chars).
  name: documentText('text', 30, { required: true }),
});

/** 民警姓名 as the officer forms take it: the name rule (Han incl. rare characters, ·, Latin letters). */
export const officerName = documentText('name', 30, { required: true });
export type OfficerRef = z.infer<typeof officerRef>;

export const officerKey = (o: Pick<OfficerRef, 'province' | 'policeNumber'>): string => `${o.province}:${o.policeNumber}`;
