import { addDays } from '../../../shared/domain/partyRules';
import { dateBetween, daysBefore, laterOf } from './dates';
import { isActive } from './partyOrgs';
import type { Random } from './random';
import type { SampleAssignment, SampleEnterprise, SampleInstructor, SampleWorkLog } from './types';
import * as V from './vocabulary';

interface Context {
  rnd: Random;
  today: string;
}

type Draft = Omit<SampleWorkLog, 'participants' | 'problems' | 'resolution' | 'suggestions' | 'problemsSolved'> &
  Partial<SampleWorkLog>;

const log = (d: Draft): SampleWorkLog => ({
  participants: '',
  problems: '',
  resolution: '',
  suggestions: 0,
  problemsSolved: 0,
  ...d,
});

/**
 * The last year's work at the active enterprises: each instructor's visits to the enterprises they cover
 * (never before the assignment began), meetings, activities, and help with problems — some with a follow-up,
 * one of which falls due three days after the sample's day.
 */
export function makeWorkLogs(
  ctx: Context,
  enterprises: SampleEnterprise[],
  instructors: SampleInstructor[],
  assignments: SampleAssignment[],
): SampleWorkLog[] {
  const { rnd, today } = ctx;
  const yearAgo = daysBefore(today, 365);
  const startedOn = new Map<number, string>();
  for (const a of assignments) if (a.endedOn === null) startedOn.set(a.enterpriseIndex, a.startedOn);
  const out: SampleWorkLog[] = [];
  let followUpCase: SampleWorkLog | null = null;
  for (const [enterpriseIndex, e] of enterprises.entries()) {
    if (!isActive(e)) continue;
    const instructorIndex = e.instructorIndex;
    const instructor = instructorIndex === null ? null : instructors[instructorIndex]!;
    if (instructor && instructorIndex !== null) {
      const from = laterOf(startedOn.get(enterpriseIndex) ?? yearAgo, yearAgo);
      for (let n = rnd.int(0, 3); n > 0; n--) {
        const problem = rnd.chance(0.25) ? rnd.pick(V.PROBLEMS) : null;
        out.push(
          log({
            enterpriseIndex,
            instructorIndex,
            heldOn: dateBetween(rnd, from, daysBefore(today, 1)),
            kind: 'visit',
            participants: `${instructor.name}、${e.contactName}`,
            content: rnd.pick(V.VISIT_CONTENTS),
            problems: problem?.problem ?? '',
            resolution: problem && rnd.chance(0.6) ? problem.resolution : '',
            problemsSolved: problem && rnd.chance(0.6) ? 1 : 0,
            followUpOn: null,
            followUpDone: false,
          }),
        );
      }
      if (rnd.chance(0.08)) {
        const problem = rnd.pick(V.PROBLEMS);
        const heldOn = dateBetween(rnd, from, daysBefore(today, 1));
        const followUpOn = rnd.chance(0.5) ? addDays(heldOn, rnd.int(20, 90)) : null;
        const entry = log({
          enterpriseIndex,
          instructorIndex,
          heldOn,
          kind: 'assistance',
          participants: `${instructor.name}、${e.ownerName}`,
          content: `走访中企业反映${problem.problem}，研究帮扶措施`,
          problems: problem.problem,
          resolution: problem.resolution,
          suggestions: rnd.int(0, 2),
          problemsSolved: rnd.int(1, 2),
          followUpOn,
          followUpDone: followUpOn !== null && followUpOn < today && rnd.chance(0.85),
        });
        out.push(entry);
        followUpCase ??= entry;
      }
    }
    if (e.orgSetting !== 'none' && rnd.chance(0.05)) {
      out.push(
        log({
          enterpriseIndex,
          instructorIndex,
          heldOn: dateBetween(rnd, yearAgo, daysBefore(today, 1)),
          kind: 'forum',
          participants: '镇党建办、企业负责人、党员职工代表',
          content: rnd.pick(V.FORUM_CONTENTS),
          suggestions: rnd.int(2, 8),
          followUpOn: null,
          followUpDone: false,
        }),
      );
    }
    if (e.orgSetting === 'standalone' && rnd.chance(0.15)) {
      out.push(
        log({
          enterpriseIndex,
          instructorIndex: null,
          heldOn: dateBetween(rnd, yearAgo, daysBefore(today, 1)),
          kind: 'org-activity',
          participants: '全体党员',
          content: rnd.pick(V.ACTIVITY_CONTENTS),
          followUpOn: null,
          followUpDone: false,
        }),
      );
    }
  }
  if (followUpCase) {
    // Held twelve days before the sample's day, to be followed up three days after it: 工作跟进.
    followUpCase.heldOn = laterOf(daysBefore(today, 12), startedOn.get(followUpCase.enterpriseIndex) ?? '');
    followUpCase.followUpOn = addDays(today, 3);
    followUpCase.followUpDone = false;
  } else {
    const enterpriseIndex = enterprises.findIndex(isActive);
    if (enterpriseIndex >= 0) {
      const problem = V.PROBLEMS[0];
      out.push(
        log({
          enterpriseIndex,
          instructorIndex: null,
          heldOn: daysBefore(today, 12),
          kind: 'assistance',
          participants: `镇党建办、${enterprises[enterpriseIndex]!.ownerName}`,
          content: `企业反映${problem.problem}，研究帮扶措施`,
          problems: problem.problem,
          resolution: problem.resolution,
          problemsSolved: 1,
          followUpOn: addDays(today, 3),
          followUpDone: false,
        }),
      );
    }
  }
  return out;
}
