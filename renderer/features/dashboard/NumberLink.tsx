import { createContext, useContext } from 'react';
import type { BreakdownDimension, IndicatorPart } from '../../../shared/domain/indicators';
import { OpenLink } from '../../components/OpenLink';

/** Which enterprises a number stands for, and how to say so ("有党员企业的组织覆盖率 · 未覆盖企业 · 长乐村"). */
export interface Pick {
  key: string;
  name: string;
  part: IndicatorPart;
  row?: { dimension: BreakdownDimension; key: string; label: string };
}

/** Opens the enterprises behind a number: the live ledger list, or a snapshot's frozen list. */
export const PickContext = createContext<(pick: Pick) => void>(() => {});

/**
 * A count that opens exactly the enterprises behind it. Zero opens nothing, so it is plain text.
 */
export function NumberLink({ value, pick, testId }: { value: number; pick: Pick; testId?: string }) {
  const open = useContext(PickContext);
  if (value === 0) return <span data-testid={testId}>0</span>;
  return (
    <OpenLink onOpen={() => open(pick)} testId={testId} nowrap>
      {value}
    </OpenLink>
  );
}
