import type { z } from 'zod';
import type { Leader } from '../../../shared/domain/party';
import type { leaderInput } from '../../../shared/ipc/people';
import { write, type Writer } from '../db/changeLog';
import type { Db } from '../db/open';
import { enterprisesOfLeader, existingEnterpriseIds } from '../db/repos/people';
import { enterprisesTable, leadersTable } from '../db/tables';
import { AppError } from '../errors';
import { recordById } from '../db/records';
import { keepStoredPersonal } from './personal';

/** 领导联系点: a township leader and the enterprises they keep contact with (enterprises.leader_id). */

function getLeader(db: Db, id: number): Leader | null {
  return recordById(db, leadersTable, id);
}

function requireLeader(db: Db, id: number): Leader {
  const found = getLeader(db, id);
  if (!found) throw new AppError('NOT_FOUND', '该联系领导已不存在，可能已被删除，请刷新');
  return found;
}

export function saveLeader(db: Db, writer: Writer, given: z.output<typeof leaderInput>): Leader {
  const input = keepStoredPersonal(db, 'leader', given.id, given, '');
  const { id, ...values } = input;
  const savedId =
    id === undefined
      ? write(db, writer, `新增联系领导“${input.name}”`, (tx) => tx.insert(leadersTable, values))
      : write(db, writer, `修改联系领导“${requireLeader(db, id).name}”`, (tx) => {
          tx.update(leadersTable, id, values);
          return id;
        });
  return getLeader(db, savedId)!;
}

/** Its 联系点 are left without a contact leader in the same step, so one 撤销 brings all of it back. */
export function deleteLeader(db: Db, writer: Writer, id: number): void {
  const leader = requireLeader(db, id);
  const linked = enterprisesOfLeader(db, id);
  write(db, writer, `删除联系领导“${leader.name}”`, (tx) => {
    for (const e of linked) tx.update(enterprisesTable, e, { leaderId: null });
    tx.remove(leadersTable, id);
  });
}

/**
 * Makes exactly `enterpriseIds` this leader's 联系点: the others lose the leader, the chosen ones get them
 * (an enterprise has one contact leader, so one taken from another leader moves here).
 */
export function setLeaderEnterprises(db: Db, writer: Writer, id: number, enterpriseIds: readonly number[]): void {
  const leader = requireLeader(db, id);
  const wanted = [...new Set(enterpriseIds)];
  const found = existingEnterpriseIds(db, wanted);
  const missing = wanted.length - found.size;
  if (missing > 0) {
    throw new AppError(
      'VALIDATION',
      `所选企业中有${missing}家已不存在（可能已被删除），请刷新后重新选择`,
      'enterpriseIds',
    );
  }
  const keep = new Set(wanted);
  const current = enterprisesOfLeader(db, id);
  write(db, writer, `设置“${leader.name}”的联系点（${wanted.length}家企业）`, (tx) => {
    for (const e of current) if (!keep.has(e)) tx.update(enterprisesTable, e, { leaderId: null });
    for (const e of wanted) tx.update(enterprisesTable, e, { leaderId: id });
  });
}
