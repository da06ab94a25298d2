import { Tabs } from 'antd';
import { useState } from 'react';
import type { Lookups } from '../../../shared/domain/lookups';
import { useLedgerRequest } from '../../app/commands/ledgerRequests';
import { DocumentEditor } from './DocumentEditor';
import { DocumentList } from './DocumentList';
import { RegisterView } from './RegisterView';

/** 公文: the documents themselves, and the 发文登记 of the numbers taken. */
export function DocumentsScreen({ lookups, docCode }: { lookups: Lookups | null; docCode: string }) {
  const [view, setView] = useState('list');
  useLedgerRequest('register', () => setView('register'));
  // 新建公文 opens over the list of documents, which finishes the request.
  useLedgerRequest('newDocument', () => setView('list'), true);
  // A number in the register opens its document here, over the register.
  const [openId, setOpenId] = useState<number | null>(null);
  return (
    <>
      <Tabs
        size="small"
        activeKey={view}
        onChange={setView}
        items={[
          { key: 'list', label: '公文', children: <DocumentList lookups={lookups} /> },
          { key: 'register', label: '发文登记', children: <RegisterView docCode={docCode} onOpen={setOpenId} /> },
        ]}
      />
      <DocumentEditor id={openId} onClose={() => setOpenId(null)} />
    </>
  );
}
