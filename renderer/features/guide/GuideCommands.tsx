import { lazy, Suspense, useState } from 'react';
import { useMenuCommand } from '../../app/commands/registry';
import type { GuideRequest } from './GuideDialogs';

// The viewer and the PDF preview are fetched when the guide is first asked for, not with the first page.
const GuideDialogs = lazy(() => import('./GuideDialogs').then((m) => ({ default: m.GuideDialogs })));

/** 帮助 → 操作手册 and 导出操作手册 PDF, in every place of the app: a new clerk reads it before opening a ledger. */
export function GuideCommands() {
  const [request, setRequest] = useState<GuideRequest | null>(null);
  useMenuCommand('help.guide', () => setRequest({ show: 'guide', at: Date.now() }));
  useMenuCommand('help.guidePdf', () => setRequest({ show: 'pdf', at: Date.now() }));
  if (!request) return null;
  return (
    <Suspense fallback={null}>
      <GuideDialogs key={request.at} request={request} onDone={() => setRequest(null)} />
    </Suspense>
  );
}
