import { describe, expect, it } from 'vitest';
import { disputeReportOf, incidentDigest, NON_POLICE_CATEGORY_NAMES, type IncidentFacts } from './incident-intake.rules.js';

const facts: IncidentFacts = {
  channel: 'CALL_110',
  category: 'CIVIL_DISPUTE',
  nonPolice: true,
  nonPoliceCategory: '民间纠纷',
  disputeCategory: null,
  summary: '邻里通道纠纷',
  reporterName: '张建国',
  reporterIdNumber: null,
  reporterPhone: '13912345678',
  parties: [{ role: 'APPLICANT', name: '张建国', idNumber: null, phone: '13912345678' }],
  place: '戴南镇董北村三组',
  regionCode: '321281123201',
  occurredAt: null,
  reportedAt: new Date('2026-11-29T01:00:00Z'),
  station: '兴化市公安局戴南派出所',
};

describe('the import rule: same content, same digest', () => {
  it('is stable for equal facts (a new object, the same instant)', () => {
    expect(incidentDigest({ ...facts, reportedAt: new Date(facts.reportedAt.getTime()), parties: facts.parties.map((p) => ({ ...p })) })).toBe(
      incidentDigest(facts),
    );
  });

  it.each<[string, Partial<IncidentFacts>]>([
    ['summary', { summary: '邻里通道纠纷,已动手' }],
    ['reportedAt', { reportedAt: new Date('2026-11-29T01:00:01Z') }],
    ['occurredAt', { occurredAt: new Date('2026-11-29T00:00:00Z') }],
    ['parties', { parties: [{ role: 'RESPONDENT', name: '张建国', idNumber: null, phone: '13912345678' }] }],
    ['nonPoliceCategory', { nonPoliceCategory: '劳资纠纷' }],
    ['regionCode', { regionCode: '321281123202' }],
    ['disputeCategory', { disputeCategory: '邻里' }],
  ])('changes when %s changes', (_field, change) => {
    expect(incidentDigest({ ...facts, ...change })).not.toBe(incidentDigest(facts));
  });
});

describe('一案一号: which incidents are reported to the hub', () => {
  const expected: Record<keyof typeof NON_POLICE_CATEGORY_NAMES, { category: string | null } | null> = {
    CIVIL_DISPUTE: { category: null },
    LABOUR_DISPUTE: { category: '劳动争议' },
    CONSUMER_DISPUTE: { category: '消费' },
    PROPERTY_MANAGEMENT: { category: '物业' },
    PUBLIC_FACILITY: null,
    ASSISTANCE: null,
    CONSULTATION: null,
    OTHER: null,
  };
  it.each(Object.entries(NON_POLICE_CATEGORY_NAMES))('a non-police incident of %s (%s)', (key, name) => {
    expect(disputeReportOf({ nonPolice: true, nonPoliceCategory: name })).toEqual(expected[key as keyof typeof NON_POLICE_CATEGORY_NAMES]);
  });
  it('takes the officer’s 纠纷类别 over the mapped one, for every reported 非警务类别', () => {
    for (const name of ['民间纠纷', '劳资纠纷', '消费纠纷', '物业纠纷']) {
      expect(disputeReportOf({ nonPolice: true, nonPoliceCategory: name, disputeCategory: '邻里' })).toEqual({ category: '邻里' });
    }
    expect(disputeReportOf({ nonPolice: true, nonPoliceCategory: '咨询', disputeCategory: '邻里' })).toBeNull();
  });
  it('keeps the digest of an incident imported before 纠纷类别 existed (no category, no change)', () => {
    // The sha-256 of the canonical facts as the import computed it before the field existed.
    expect(incidentDigest(facts)).toBe('7db2b4885568e9a8c11dd9bafb7d34fd688bc4c195a6d7fd386849b2901877d2');
  });
  it('a police incident (警务警情) is never reported, whatever it carries', () => {
    expect(disputeReportOf({ nonPolice: false, nonPoliceCategory: null })).toBeNull();
    expect(disputeReportOf({ nonPolice: false, nonPoliceCategory: NON_POLICE_CATEGORY_NAMES.CIVIL_DISPUTE })).toBeNull();
    expect(disputeReportOf({ nonPolice: false, nonPoliceCategory: null, disputeCategory: '邻里' })).toBeNull();
  });
});
