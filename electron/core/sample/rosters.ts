import { idCheckChar } from '../../../shared/domain/idNumber';
import type { Education, Gender, MemberLocation, MemberStatus } from '../../../shared/domain/labels';
import { addDays, addYears } from '../../../shared/domain/partyRules';
import { dateBetween, daysBefore, pad } from './dates';
import { isActive, totalOf } from './partyOrgs';
import type { Random } from './random';
import type { SampleEnterprise, SampleMember } from './types';
import * as V from './vocabulary';

interface Context {
  rnd: Random;
  today: string;
  personName: () => string;
}

/** Rosters are kept for some enterprises with an organisation and a modest membership (a clerk types them in). */
const ROSTER_MAX_MEMBERS = 40;

/**
 * 党员名册 for some enterprises: the split-out case always (its 3 正式党员 must be on record), others at random.
 * The roster agrees with the typed counts, so an enterprise's numbers stay what they were; the first 预备党员
 * is due for 转正 20 days after the sample's day.
 */
export function makeRosters(ctx: Context, enterprises: SampleEnterprise[], splitOut: number | null): SampleMember[] {
  const { rnd } = ctx;
  const members: SampleMember[] = [];
  const taken = new Set<string>();
  for (const [i, e] of enterprises.entries()) {
    const total = totalOf(e);
    const eligible = isActive(e) && e.orgSetting !== 'none' && total > 0 && total <= ROSTER_MAX_MEMBERS;
    const chance = e.orgSetting === 'standalone' ? 0.5 : 0.2;
    if (i !== splitOut && !(eligible && rnd.chance(chance))) continue;
    e.rosterKept = true;
    members.push(...rosterOf(ctx, e, i, taken));
  }
  let probationer = members.find((m) => m.status === 'probationary');
  if (!probationer) {
    const first = members[0];
    if (!first) return members;
    const e = enterprises[first.enterpriseIndex]!;
    e.probationaryMembers += 1;
    e.membersInEnterprise = (e.membersInEnterprise ?? 0) + 1;
    probationer = member(ctx, first.enterpriseIndex, 'probationary', 'enterprise', taken);
    members.push(probationer);
  }
  probationer.joinedOn = addDays(addYears(ctx.today, -1), 20);
  return members;
}

function rosterOf(ctx: Context, e: SampleEnterprise, enterpriseIndex: number, taken: Set<string>): SampleMember[] {
  const out: SampleMember[] = [];
  let floating = e.membersFloating ?? 0;
  const place = (): MemberLocation => (floating-- > 0 ? 'floating' : 'enterprise');
  for (let n = 0; n < e.fullMembers; n++) out.push(member(ctx, enterpriseIndex, 'full', place(), taken));
  for (let n = 0; n < e.probationaryMembers; n++)
    out.push(member(ctx, enterpriseIndex, 'probationary', place(), taken));
  // Whatever the typed breakdown said, the roster is the count now.
  e.membersInEnterprise = out.filter((m) => m.location === 'enterprise').length;
  e.membersFloating = out.length - e.membersInEnterprise;
  e.membersInTalentAgency = 0;
  e.membersAtOrigin = 0;
  e.membersTemporary = 0;
  return out;
}

function member(
  ctx: Context,
  enterpriseIndex: number,
  status: MemberStatus,
  location: MemberLocation,
  taken: Set<string>,
): SampleMember {
  const { rnd, today } = ctx;
  const gender: Gender = rnd.chance(0.62) ? 'male' : 'female';
  const age = status === 'probationary' ? rnd.int(22, 40) : rnd.int(24, 62);
  const birthYear = Number(today.slice(0, 4)) - age;
  const birthDate = `${birthYear}-${pad(rnd.int(1, 12))}-${pad(rnd.int(1, 28))}`;
  const joinedOn =
    status === 'probationary'
      ? dateBetween(rnd, daysBefore(today, 360), daysBefore(today, 60))
      : dateBetween(rnd, addYears(birthDate, 20), daysBefore(today, 400));
  return {
    enterpriseIndex,
    name: ctx.personName(),
    gender,
    birthMonth: birthDate.slice(0, 7),
    education: rnd.weighted<Education>({
      postgraduate: 3,
      bachelor: 25,
      college: 30,
      secondary: 12,
      'high-school': 15,
      'junior-or-below': 15,
    }),
    joinedOn,
    status,
    location,
    position: rnd.pick(V.MEMBER_POSTS),
    phone: `1${rnd.pick(['3', '5', '8', '9'])}${rnd.digits(9)}`,
    idNumber: rnd.chance(0.9) ? idNumber(rnd, birthDate, gender, taken) : null,
    note: '',
  };
}

/** A 嵊州 身份证号 agreeing with the birth date and gender, unique in the ledger, with its GB 11643 check char. */
function idNumber(rnd: Random, birthDate: string, gender: Gender, taken: Set<string>): string {
  for (;;) {
    const sequence = rnd.int(0, 499) * 2 + (gender === 'male' ? 1 : 0);
    const first17 = `${V.COUNTY_DIVISION_CODE}${birthDate.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
    const id = first17 + idCheckChar(first17);
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
}
