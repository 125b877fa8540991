import { describe, expect, it } from 'vitest';
import { can } from '@shared/domain/permissions';
import { roles } from '@shared/domain/officer';
import { DEMO_STATIONS, demoRosterStations } from '@shared/demo/demo-network';
import { resolveAddressees, forwardCandidates } from '@shared/assist/addressing';
import { deadlinesOf, defaultAssistLimits, endOfBeijingDayAfter, nextDeadline, overdue } from '@shared/assist/deadlines';
import { assistRequest, requestForm, type AssistRequest } from '@shared/assist/model';
import { decide, newAddressee, requiredPermission, type RequestRow } from '@shared/assist/state';
import { buildWatchList, watchEntriesOf } from '@shared/assist/watchlist';
import { requestFigures, stationFigures } from '@shared/assist/figures';

const { zhendian, yaozhuang, zhapu, lvxiang, zhouzhuang, sanlian, xinbang } = DEMO_STATIONS;
const RAISED = '2026-03-02T01:00:00.000Z'; // 09:00 Beijing
const ID = '11010519491231002X';

function request(over: Partial<AssistRequest> = {}): AssistRequest {
  return assistRequest.parse({
    id: '01J00000000000000000000000',
    type: 'vehicleIntercept',
    urgency: 'extraUrgent',
    title: '盗窃嫌疑车辆拦截',
    details: '两名嫌疑人驾车向嘉善方向逃离',
    subjects: [
      { kind: 'vehicle', plate: '沪a·12345', description: '白色轿车' },
      { kind: 'person', name: '张三', idNumber: ID.toLowerCase(), description: '男，30岁' },
    ],
    places: '蒸淀镇',
    times: '凌晨3时',
    caseNumber: 'A3101182026030001',
    contact: '021-59000000',
    instructions: '发现后立即控制并联系',
    addressing: { kind: 'group', group: 'wudi-qisuo' },
    watchUntil: null,
    attachments: [],
    requesterStation: zhendian,
    requesterStationName: '蒸淀派出所',
    officer: { key: '310000:000003', name: '王警官' },
    raisedAt: RAISED,
    addressees: [yaozhuang, zhapu],
    ...over,
  });
}

function row(over: Partial<RequestRow> = {}, req: AssistRequest = request()): RequestRow {
  return {
    id: req.id,
    side: 'addressee',
    status: 'open',
    raisedAt: req.raisedAt,
    request: req,
    addressees: req.addressees.map((c) => newAddressee(c, req.requesterStation, req.raisedAt)),
    feedback: [],
    hits: [],
    handovers: [],
    amendments: [],
    closure: null,
    updatedAt: req.raisedAt,
    ...over,
  };
}

describe('the request form', () => {
  it('normalises plates as the checkpoint does and ID numbers per GB 11643', () => {
    const r = request();
    expect(r.subjects[0]).toMatchObject({ plate: '沪A12345' });
    expect(r.subjects[1]).toMatchObject({ idNumber: ID });
  });

  it('refuses a plate outside GA 36 and a bad ID checksum, with codes', () => {
    const bad = requestForm.safeParse({ ...request(), subjects: [{ kind: 'vehicle', plate: '沪A1234O', description: '' }, { kind: 'person', name: '李四', idNumber: '110105194912310021', description: '' }] });
    expect(bad.success).toBe(false);
    const messages = bad.error?.issues.map((i) => i.message);
    expect(messages).toContain('plate.forbiddenLetter');
    expect(messages).toContain('idNumber.checksum');
  });

  it('takes a person without an ID number', () => {
    expect(requestForm.safeParse({ ...request(), subjects: [{ kind: 'person', name: '王奶奶', idNumber: '', description: '80岁，患阿尔茨海默病' }] }).success).toBe(true);
  });
});

describe('addressing through the roster', () => {
  it('resolves a group, a province and all neighbours, never self or a non-neighbour', () => {
    expect(resolveAddressees({ kind: 'group', group: 'wudi-qisuo' }, demoRosterStations, zhendian)).toEqual([lvxiang, xinbang, yaozhuang, zhapu].sort());
    expect(resolveAddressees({ kind: 'province', province: '330000' }, demoRosterStations, zhendian)).toEqual([yaozhuang, zhapu]);
    expect(resolveAddressees({ kind: 'allNeighbours' }, demoRosterStations, zhendian)).toContain(zhouzhuang);
    expect(resolveAddressees({ kind: 'stations', stations: [yaozhuang, sanlian] }, demoRosterStations, zhendian)).toEqual([yaozhuang]);
    expect(resolveAddressees({ kind: 'group', group: 'wudi-qisuo' }, demoRosterStations, sanlian)).toEqual([]);
  });

  it('offers for forwarding only the requester’s neighbours not yet addressed', () => {
    expect(forwardCandidates(demoRosterStations, zhendian, [yaozhuang, zhapu])).toEqual([lvxiang, xinbang, zhouzhuang].sort());
  });
});

describe('deadlines per urgency and type', () => {
  const since = new Date(RAISED);
  it('特急: 签收 within 10 minutes, first feedback within an hour', () => {
    const d = deadlinesOf({ type: 'vehicleIntercept', urgency: 'extraUrgent' }, since);
    expect(d.signBy.toISOString()).toBe('2026-03-02T01:10:00.000Z');
    expect(d.firstFeedbackBy.toISOString()).toBe('2026-03-02T02:00:00.000Z');
    expect(d.answerBy).toBeNull();
  });

  it('身份/户籍核查 must be answered within 7 days (to the end of the 7th Beijing day), whatever the urgency', () => {
    const d = deadlinesOf({ type: 'identityCheck', urgency: 'normal' }, since);
    expect(d.answerBy?.toISOString()).toBe('2026-03-09T15:59:59.999Z');
    // Raised at 23:30 Beijing: the day it was raised still counts as day 0.
    expect(endOfBeijingDayAfter(new Date('2026-03-02T15:30:00.000Z'), 7).toISOString()).toBe('2026-03-09T15:59:59.999Z');
    const noon8 = new Date('2026-03-09T04:00:00.000Z');
    const progress = { signedAt: RAISED, firstFeedbackAt: RAISED, answeredAt: null };
    expect(overdue(progress, d, noon8)).toEqual([]);
    expect(overdue(progress, d, new Date('2026-03-09T16:00:00.000Z'))).toEqual(['answer']);
    expect(overdue({ ...progress, answeredAt: '2026-03-05T00:00:00.000Z' }, d, new Date('2026-03-20T00:00:00.000Z'))).toEqual([]);
  });

  it('is configurable, and first feedback is never due after the answer', () => {
    const limits = { ...defaultAssistLimits, signMinutes: { ...defaultAssistLimits.signMinutes, urgent: 5 }, answerDays: { identityCheck: 1 }, firstFeedbackMinutes: { ...defaultAssistLimits.firstFeedbackMinutes, normal: 10 * 24 * 60 } };
    expect(deadlinesOf({ type: 'other', urgency: 'urgent' }, since, limits).signBy.toISOString()).toBe('2026-03-02T01:05:00.000Z');
    const d = deadlinesOf({ type: 'identityCheck', urgency: 'normal' }, since, limits);
    expect(d.firstFeedbackBy).toEqual(d.answerBy);
  });

  it('reports what is overdue and what is next; a closed request owes nothing', () => {
    const d = deadlinesOf({ type: 'vehicleIntercept', urgency: 'extraUrgent' }, since);
    const none = { signedAt: null, firstFeedbackAt: null, answeredAt: null };
    expect(overdue(none, d, new Date('2026-03-02T01:09:00.000Z'))).toEqual([]);
    expect(overdue(none, d, new Date('2026-03-02T01:11:00.000Z'))).toEqual(['sign']);
    expect(overdue(none, d, new Date('2026-03-02T02:01:00.000Z'))).toEqual(['sign', 'firstFeedback']);
    expect(overdue(none, d, new Date('2026-03-02T02:01:00.000Z'), true)).toEqual([]);
    expect(nextDeadline(none, d)?.kind).toBe('sign');
    expect(nextDeadline({ ...none, signedAt: RAISED }, d)?.kind).toBe('firstFeedback');
    expect(nextDeadline({ ...none, signedAt: RAISED, firstFeedbackAt: RAISED }, d)).toBeNull();
  });
});

describe('who may do what', () => {
  it('only an addressee signs, once, and feeds back, hands over and forwards after signing', () => {
    const r = row();
    expect(decide(r, yaozhuang, 'sign')).toEqual({ ok: true });
    expect(decide(r, lvxiang, 'sign')).toEqual({ ok: false, code: 'notAddressee' });
    expect(decide(r, zhendian, 'feedback')).toEqual({ ok: false, code: 'notAddressee' });
    expect(decide(r, yaozhuang, 'feedback')).toEqual({ ok: false, code: 'notSigned' });
    expect(decide(r, yaozhuang, 'hand')).toEqual({ ok: false, code: 'notSigned' });
    const signed = row({ addressees: r.addressees.map((a) => (a.station === yaozhuang ? { ...a, signedAt: RAISED } : a)) });
    expect(decide(signed, yaozhuang, 'sign')).toEqual({ ok: false, code: 'alreadySigned' });
    expect(decide(signed, yaozhuang, 'feedback')).toEqual({ ok: true });
    expect(decide(signed, yaozhuang, 'forward', [lvxiang])).toEqual({ ok: true });
    expect(decide(signed, yaozhuang, 'forward', [zhapu])).toEqual({ ok: false, code: 'alreadyAddressed' });
    expect(decide(signed, yaozhuang, 'forward', [zhendian])).toEqual({ ok: false, code: 'alreadyAddressed' });
    expect(decide(signed, yaozhuang, 'forward', [])).toEqual({ ok: false, code: 'noTarget' });
  });

  it('only the requester closes (once) and amends; a closed request takes amendments only', () => {
    const r = row({ side: 'requester' });
    expect(decide(r, yaozhuang, 'close')).toEqual({ ok: false, code: 'notRequester' });
    expect(decide(r, zhendian, 'close')).toEqual({ ok: true });
    expect(decide(r, yaozhuang, 'amend')).toEqual({ ok: false, code: 'notRequester' });
    const closed = row({ status: 'closed' });
    expect(decide(closed, zhendian, 'close')).toEqual({ ok: false, code: 'closed' });
    expect(decide(closed, zhendian, 'amend')).toEqual({ ok: true });
    for (const action of ['sign', 'feedback', 'hand', 'forward', 'recordHit'] as const) expect(decide(closed, yaozhuang, action, [lvxiang])).toEqual({ ok: false, code: 'closed' });
  });

  it('any officer on duty raises and answers; closing and forwarding are the duty leader’s', () => {
    expect(requiredPermission.close).toBe('assist.lead');
    expect(requiredPermission.forward).toBe('assist.lead');
    expect(roles.filter((r) => can([r], 'assist.answer'))).toEqual(['window', 'approver', 'patrolLead']);
    expect(roles.filter((r) => can([r], 'assist.raise'))).toEqual(['window', 'approver', 'patrolLead']);
    expect(roles.filter((r) => can([r], 'assist.lead'))).toEqual(['approver', 'patrolLead']);
  });
});

describe('the watch-list', () => {
  const now = new Date('2026-03-02T02:00:00.000Z');

  it('an open 车辆拦截 or 在逃 request watches its plates and ID numbers at every addressed station only', () => {
    const r = row();
    expect(watchEntriesOf(r, yaozhuang, now).map((e) => [e.kind, e.value])).toEqual([
      ['plate', '沪A12345'],
      ['idNumber', ID],
    ]);
    expect(watchEntriesOf(r, lvxiang, now)).toEqual([]);
    expect(watchEntriesOf(row({ status: 'closed' }), yaozhuang, now)).toEqual([]);
    expect(watchEntriesOf(row({}, request({ type: 'missingPerson' })), yaozhuang, now)).toEqual([]);
    expect(watchEntriesOf(row({}, request({ watchUntil: '2026-03-02T01:30:00.000Z' })), yaozhuang, now)).toEqual([]);
  });

  it('matches a plate however the officer types it at the checkpoint, and an ID number in lower case or 15 digits', () => {
    const list = buildWatchList([row()], yaozhuang, now);
    for (const typed of ['沪A12345', '沪a12345', '沪A·12345', ' 沪A-12345 ', '沪a．12345']) expect(list.matchPlate(typed, now).map((e) => e.requestId)).toEqual(['01J00000000000000000000000']);
    expect(list.matchPlate('沪A12346', now)).toEqual([]);
    expect(list.matchIdNumber(ID.toLowerCase(), now)).toHaveLength(1);
    // A 15-digit number (first generation) is upgraded to the 18-digit one on both sides.
    const withLegacy = buildWatchList([row({}, request({ subjects: [{ kind: 'person', name: '张三', idNumber: '110105491231002', description: '' }] }))], yaozhuang, now);
    expect(withLegacy.matchIdNumber(ID, now)).toHaveLength(1);
    expect(list.matchIdNumber('110105491231002', now)).toHaveLength(1);
    expect(list.matchIdNumber('110105194912310037', now)).toEqual([]);
  });

  it('an entry stops matching once its expiry passes', () => {
    const list = buildWatchList([row({}, request({ watchUntil: '2026-03-02T03:00:00.000Z' }))], yaozhuang, now);
    expect(list.matchPlate('沪A12345', now)).toHaveLength(1);
    expect(list.matchPlate('沪A12345', new Date('2026-03-02T03:00:01.000Z'))).toEqual([]);
  });
});

describe('numbers', () => {
  it('per request and per station: minutes to 签收 and first feedback, answers, hits, medians', () => {
    const r = row({
      addressees: [
        { ...newAddressee(yaozhuang, zhendian, RAISED), signedAt: '2026-03-02T01:04:00.000Z', firstFeedbackAt: '2026-03-02T01:30:00.000Z', answeredAt: '2026-03-02T01:30:00.000Z', lastKind: 'found' },
        newAddressee(zhapu, zhendian, RAISED),
      ],
      hits: [{ id: 'h', station: yaozhuang, at: RAISED, officer: { key: 'k', name: 'n' }, source: 'checkpoint', matchKind: 'plate', value: '沪A12345', checkpoint: '', lane: 2, result: null }],
    });
    expect(requestFigures(r)).toEqual([
      { station: yaozhuang, signMinutes: 4, firstFeedbackMinutes: 30, answered: true, hits: 1 },
      { station: zhapu, signMinutes: null, firstFeedbackMinutes: null, answered: false, hits: 0 },
    ]);
    const figures = stationFigures([r], new Date('2026-03-01T00:00:00Z'), new Date('2026-03-03T00:00:00Z'));
    expect(figures.find((f) => f.station === zhendian)).toMatchObject({ raised: 1, received: 0 });
    expect(figures.find((f) => f.station === yaozhuang)).toMatchObject({ received: 1, answered: 1, medianSignMinutes: 4, hits: 1 });
    expect(stationFigures([r], new Date('2026-03-03T00:00:00Z'), new Date('2026-03-04T00:00:00Z'))).toEqual([]);
  });
});
