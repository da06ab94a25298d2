import {
  OPERATING_STATUSES,
  ORG_SETTINGS,
  type OperatingStatus,
  type OrgSetting,
} from '../../../../shared/domain/labels';
import { SIZE_BANDS, type SizeBand } from '../../../../shared/domain/sizeBand';

/*
 * The grid's tags: antd's Tag look (the same colours and wording as labels.tsx) drawn as plain spans styled in
 * grid.css. Scrolling mounts three per row at every wheel step, and antd's Tag (its style hooks) and Tooltip (a
 * trigger per tag) made each step a long task. Other screens keep labels.tsx's antd versions.
 */

type TagColor = 'green' | 'gold' | 'orange' | 'red' | 'volcano' | 'blue' | 'default';

const STATUS_COLORS: Record<OperatingStatus, TagColor> = {
  normal: 'green',
  difficult: 'gold',
  suspended: 'orange',
  deregistered: 'default',
  'moved-out': 'default',
};
const ORG_COLORS: Record<OrgSetting, TagColor> = {
  standalone: 'red',
  joint: 'volcano',
  attached: 'orange',
  none: 'default',
};

function tag(color: TagColor, text: string, title?: string) {
  return (
    <span className={`yqyc-tag yqyc-tag-${color}`} title={title}>
      {text}
    </span>
  );
}

export function gridStatusTag(value: OperatingStatus) {
  return tag(STATUS_COLORS[value], OPERATING_STATUSES[value]);
}

export function gridOrgSettingTag(value: OrgSetting) {
  return tag(ORG_COLORS[value], ORG_SETTINGS[value]);
}

/** The band's meaning is the hover title (the browser's own, not antd's Tooltip). */
export function gridSizeBandTag(band: SizeBand, revenueNeedsConfirming: boolean) {
  const text = `${band === 'unknown' ? '不详' : `${band}类`}${revenueNeedsConfirming ? '（营收待核实）' : ''}`;
  const hint = revenueNeedsConfirming
    ? `${SIZE_BANDS[band]}。营业收入不详，暂按500万元以下计，请核实`
    : SIZE_BANDS[band];
  return tag(band === 'unknown' ? 'default' : 'blue', text, hint);
}
