import type { z } from 'zod';
import type { WorkGroupMember } from '../../../shared/domain/party';
import type { workGroupMemberInput } from '../../../shared/ipc/people';
import { write, type Writer } from '../db/changeLog';
import type { Db } from '../db/open';
import { nameOf } from '../db/repos/lookups';
import { workGroupMembersTable } from '../db/tables';
import { AppError } from '../errors';
import { recordById } from '../db/records';
import { keepStoredPersonal } from './personal';

/** The people of a 推进组. */

function getMember(db: Db, id: number): WorkGroupMember | null {
  return recordById(db, workGroupMembersTable, id);
}

function requireMember(db: Db, id: number): WorkGroupMember {
  const found = getMember(db, id);
  if (!found) throw new AppError('NOT_FOUND', '该推进组成员已不存在，可能已被删除，请刷新');
  return found;
}

export function saveWorkGroupMember(
  db: Db,
  writer: Writer,
  given: z.output<typeof workGroupMemberInput>,
): WorkGroupMember {
  const input = keepStoredPersonal(db, 'workGroupMember', given.id, given, '');
  const groupName = nameOf(db, 'work_groups', input.workGroupId);
  if (groupName === null) throw new AppError('VALIDATION', '所选推进组已不存在，请重新选择', 'workGroupId');
  const { id, ...values } = input;
  const savedId =
    id === undefined
      ? write(db, writer, `新增推进组成员：${groupName} ${input.name}`, (tx) =>
          tx.insert(workGroupMembersTable, values),
        )
      : write(db, writer, `修改推进组成员：${groupName} ${requireMember(db, id).name}`, (tx) => {
          tx.update(workGroupMembersTable, id, values);
          return id;
        });
  return getMember(db, savedId)!;
}

export function deleteWorkGroupMember(db: Db, writer: Writer, id: number): void {
  const m = requireMember(db, id);
  const groupName = nameOf(db, 'work_groups', m.workGroupId) ?? '';
  write(db, writer, `删除推进组成员：${groupName} ${m.name}`, (tx) => tx.remove(workGroupMembersTable, id));
}
