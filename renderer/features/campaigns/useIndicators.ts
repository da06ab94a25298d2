import type { Indicator } from '../../../shared/domain/indicators';
import { call } from '../../api/client';
import { useLoaded, type LoadState } from '../dashboard/useLoaded';
import { useLedgerNav } from '../ledger/navigation';

/** The ledger's indicators (enabled or not), read again after every change to the ledger: targets are named by them. */
export function useIndicators(): LoadState<Indicator[]> {
  const { generation } = useLedgerNav();
  return useLoaded(String(generation), () => call('indicators:list', {}), '读取统计指标失败，请重试');
}
