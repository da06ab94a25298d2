import { addYears } from '../../../shared/domain/partyRules';
import { dateBetween, daysBefore, earlierOf, laterOf } from './dates';
import { isActive } from './partyOrgs';
import type { Random } from './random';
import type {
  SampleAssignment,
  SampleEnterprise,
  SampleInstructor,
  SampleLeader,
  SampleTraining,
  SampleWorkGroupMember,
} from './types';
import * as V from './vocabulary';

interface Context {
  rnd: Random;
  today: string;
  personName: () => string;
}

const phone = (rnd: Random) => `1${rnd.pick(['3', '5', '8', '9'])}${rnd.digits(9)}`;

/**
 * The first instructor is sent to one enterprise alone (一人一企): the largest active one with an instructor.
 * Its other enterprises go round the rest, who each cover several (一人多企).
 */
export function oneInstructorOneEnterprise(enterprises: SampleEnterprise[], instructors: SampleInstructor[]): void {
  let own: number | null = null;
  for (const [i, e] of enterprises.entries()) {
    if (e.instructorIndex === null || !isActive(e)) continue;
    if (own === null || (e.employees ?? 0) > (enterprises[own]!.employees ?? 0)) own = i;
  }
  if (own === null || instructors.length < 2) return;
  let next = 0;
  for (const [i, e] of enterprises.entries()) {
    if (i === own) e.instructorIndex = 0;
    else if (e.instructorIndex === 0) e.instructorIndex = 1 + (next++ % (instructors.length - 1));
  }
  const first = instructors[0]!;
  first.fullTime = true;
  first.position = '驻企党建工作指导员';
}

/**
 * The current assignment of each enterprise with an instructor, from the instructor's 派驻日期 or later, and for
 * some an earlier instructor whose assignment ended the day the current one began.
 */
export function makeAssignments(
  ctx: Context,
  enterprises: SampleEnterprise[],
  instructors: SampleInstructor[],
): SampleAssignment[] {
  const { rnd, today } = ctx;
  const out: SampleAssignment[] = [];
  for (const [enterpriseIndex, e] of enterprises.entries()) {
    const instructorIndex = e.instructorIndex;
    if (instructorIndex === null) continue;
    const appointed = earlierOf(instructors[instructorIndex]!.appointedOn, today);
    const startedOn = rnd.chance(0.6) ? appointed : dateBetween(rnd, appointed, daysBefore(today, 30));
    if (instructors.length > 1 && rnd.chance(0.12)) {
      const previous = (instructorIndex + 1 + rnd.int(0, instructors.length - 2)) % instructors.length;
      const from = laterOf(instructors[previous]!.appointedOn, addYears(startedOn, -3));
      if (from < startedOn) {
        const prevStart = dateBetween(rnd, from, daysBefore(startedOn, 1));
        out.push({
          instructorIndex: previous,
          enterpriseIndex,
          startedOn: prevStart,
          endedOn: startedOn,
          note: '工作调整',
        });
      }
    }
    out.push({ instructorIndex, enterpriseIndex, startedOn, endedOn: null, note: '' });
  }
  return out;
}

export function makeTrainings(ctx: Context, instructors: SampleInstructor[]): SampleTraining[] {
  const { rnd, today } = ctx;
  const out: SampleTraining[] = [];
  instructors.forEach((instructor, instructorIndex) => {
    const from = laterOf(earlierOf(instructor.appointedOn, today), addYears(today, -3));
    for (let n = rnd.int(1, 3); n > 0; n--) {
      out.push({
        instructorIndex,
        heldOn: dateBetween(rnd, from, today),
        title: rnd.pick(V.TRAINING_TITLES),
        organiser: rnd.pick(V.TRAINING_ORGANISERS),
        hours: rnd.pick([4, 8, 12, 16, 24]),
        note: '',
      });
    }
  });
  return out.sort((a, b) => a.instructorIndex - b.instructorIndex || a.heldOn.localeCompare(b.heldOn));
}

/**
 * The township's leaders, each with 3–5 联系点 among the active enterprises that matter most: those with an
 * organisation of their own, the large and the 重点培育.
 */
export function makeLeaders(ctx: Context, enterprises: SampleEnterprise[]): SampleLeader[] {
  const { rnd } = ctx;
  const leaders = V.LEADER_POSTS.map((position) => ({ name: ctx.personName(), position, phone: phone(rnd), note: '' }));
  const candidates: number[] = [];
  for (const [i, e] of enterprises.entries()) {
    if (isActive(e) && (e.keyCultivation || e.orgSetting === 'standalone' || (e.employees ?? 0) >= 80)) {
      candidates.push(i);
    }
  }
  leaders.forEach((_, leaderIndex) => {
    for (let want = rnd.int(3, 5), tries = 0; want > 0 && tries < 20; tries++) {
      if (candidates.length === 0) break;
      const e = enterprises[candidates[rnd.int(0, candidates.length - 1)]!]!;
      if (e.leaderIndex !== null) continue;
      e.leaderIndex = leaderIndex;
      want--;
    }
  });
  return leaders;
}

export function makeWorkGroupMembers(ctx: Context, groups: number): SampleWorkGroupMember[] {
  const { rnd } = ctx;
  const out: SampleWorkGroupMember[] = [];
  for (let workGroupIndex = 0; workGroupIndex < groups; workGroupIndex++) {
    for (let n = rnd.int(2, 4); n > 0; n--) {
      out.push({ workGroupIndex, name: ctx.personName(), position: rnd.pick(V.WORK_GROUP_POSTS), phone: phone(rnd) });
    }
  }
  return out;
}
