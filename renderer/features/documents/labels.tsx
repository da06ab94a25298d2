import { Tag } from 'antd';
import { DOC_STATUSES, type DocStatus } from '../../../shared/documents/model';
import type { RegisterEntry } from '../../../shared/ipc/documents';

const STATUS_COLORS: Record<DocStatus, string> = { draft: 'default', issued: 'green', withdrawn: 'orange' };

export function DocStatusTag({ status }: { status: DocStatus }) {
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="doc-status" data-status={status}>
      {DOC_STATUSES[status]}
    </Tag>
  );
}

/** How the 发文登记 names a number's state. */
export const REGISTER_STATES: Record<RegisterEntry['state'], string> = {
  issued: '已发文',
  withdrawn: '已撤回',
  gap: '空号',
};

/** A file name without characters Windows refuses. */
export function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|\r\n]+/g, '_').slice(0, 80) || '公文';
}

export function thisYear(): number {
  return new Date().getFullYear();
}
