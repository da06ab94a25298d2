import { Tag, Tooltip } from 'antd';
import { localDate } from '../../../shared/domain/enterpriseRules';
import { ORG_HOSTS, type OrgHost } from '../../../shared/domain/labels';
import { addDays, daysBetween } from '../../../shared/domain/partyRules';
import { REMINDER_WINDOWS } from '../../../shared/domain/reminders';

export function today(): string {
  return localDate(new Date());
}

export { PartyOrgTypeTag as OrgTypeTag } from '../ledger/labels';

/** 所在 in a word: the long label of ORG_HOSTS is for the form. */
export function hostText(host: OrgHost, areaName?: string | null): string {
  return host === 'enterprise' ? '企业' : `属地${areaName ? `·${areaName}` : ''}`;
}

export function HostText({ host, areaName }: { host: OrgHost; areaName?: string | null }) {
  return (
    <Tooltip title={ORG_HOSTS[host]}>
      <span>{hostText(host, areaName)}</span>
    </Tooltip>
  );
}

/** 届满日期, marked as the 换届提醒 does: within the reminder window, or already past. */
export function TermEnd({ end }: { end: string | null }) {
  if (!end) return <>—</>;
  const now = today();
  if (end < now)
    return (
      <Tag color="red" data-term="ended">
        {end}（已届满）
      </Tag>
    );
  if (end <= addDays(now, REMINDER_WINDOWS.termDays))
    return (
      <Tag color="orange" data-term="due">
        {end}（{daysBetween(now, end)}天后届满）
      </Tag>
    );
  return <span data-term="ok">{end}</span>;
}
