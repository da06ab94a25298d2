import { Tag, Tooltip } from 'antd';
import {
  OPERATING_STATUSES,
  ORG_SETTINGS,
  PARTY_ORG_TYPES,
  type OperatingStatus,
  type OrgSetting,
  type PartyOrgType,
} from '../../../shared/domain/labels';
import { isJointType } from '../../../shared/domain/partyRules';
import { SIZE_BANDS, type SizeBand } from '../../../shared/domain/sizeBand';

const ORG_COLORS: Record<OrgSetting, string> = {
  standalone: 'red',
  joint: 'volcano',
  attached: 'orange',
  none: 'default',
};
const STATUS_COLORS: Record<OperatingStatus, string> = {
  normal: 'green',
  difficult: 'gold',
  suspended: 'orange',
  deregistered: 'default',
  'moved-out': 'default',
};

export function OrgSettingTag({ value }: { value: OrgSetting }) {
  return <Tag color={ORG_COLORS[value]}>{ORG_SETTINGS[value]}</Tag>;
}

export function PartyOrgTypeTag({ type }: { type: PartyOrgType }) {
  return <Tag color={isJointType(type) ? 'volcano' : 'red'}>{PARTY_ORG_TYPES[type]}</Tag>;
}

export function StatusTag({ value }: { value: OperatingStatus }) {
  return <Tag color={STATUS_COLORS[value]}>{OPERATING_STATUSES[value]}</Tag>;
}

export function SizeBandTag({ band, revenueNeedsConfirming }: { band: SizeBand; revenueNeedsConfirming: boolean }) {
  const tag = (
    <Tag color={band === 'unknown' ? 'default' : 'blue'}>
      {band === 'unknown' ? '不详' : `${band}类`}
      {revenueNeedsConfirming ? '（营收待核实）' : ''}
    </Tag>
  );
  const hint = revenueNeedsConfirming
    ? `${SIZE_BANDS[band]}。营业收入不详，暂按500万元以下计，请核实`
    : SIZE_BANDS[band];
  return <Tooltip title={hint}>{tag}</Tooltip>;
}
