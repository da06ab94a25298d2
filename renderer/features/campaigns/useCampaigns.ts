import { useEffect, useState } from 'react';
import type { Campaign } from '../../../shared/domain/plans';
import { call } from '../../api/client';
import { useErrorMessage } from '../../components/useErrorMessage';
import { useLedgerNav } from '../ledger/navigation';

/** The ledger's 专项行动, read again after every change to the ledger; null until first read. */
export function useCampaigns(): Campaign[] | null {
  const { generation } = useLedgerNav();
  const showError = useErrorMessage();
  const [campaigns, setCampaigns] = useState<Campaign[] | null>(null);

  useEffect(() => {
    let live = true;
    call('campaigns:list', {}).then((c) => live && setCampaigns(c), showError);
    return () => {
      live = false;
    };
  }, [generation, showError]);

  return campaigns;
}

export const campaignOptions = (campaigns: Campaign[] | null) =>
  (campaigns ?? []).map((c) => ({ value: c.id, label: c.name }));
