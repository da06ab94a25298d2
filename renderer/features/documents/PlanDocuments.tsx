import { FileAddOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Descriptions, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { PlanDetail } from '../../../shared/domain/plans';
import type { DocumentDetail, DocumentRow } from '../../../shared/ipc/documents';
import { call } from '../../api/client';
import { OpenLink } from '../../components/OpenLink';
import { useErrorMessage } from '../../components/useErrorMessage';
import { useLedgerNav } from '../ledger/navigation';
import { DocumentEditor } from './DocumentEditor';
import { DocStatusTag } from './labels';
import { PdfPreview } from './PdfPreview';
import { usePdfPreview } from './usePdfPreview';

/**
 * A plan's 公文: the documents made for its enterprise (a 批复 answering its 请示) with their numbers; 生成批复 for a
 * plan that forms an organisation (a draft pre-filled from the ledger, opened in the editor); 打印方案.
 */
export function PlanDocuments({ plan }: { plan: PlanDetail }) {
  const nav = useLedgerNav();
  const showError = useErrorMessage();
  const [docs, setDocs] = useState<DocumentRow[] | null>(null);
  const [openId, setOpenId] = useState<number | null>(null);
  const [drafting, setDrafting] = useState(false);
  const preview = usePdfPreview();
  const generation = nav.generation;

  useEffect(() => {
    let live = true;
    call('documents:forEnterprise', { enterpriseId: plan.enterpriseId }).then((d) => live && setDocs(d), showError);
    return () => {
      live = false;
    };
  }, [plan.enterpriseId, generation, showError]);

  const draftApproval = async () => {
    setDrafting(true);
    try {
      const draft: DocumentDetail = await call('documents:draft', {
        source: 'approval',
        enterpriseId: plan.enterpriseId,
        campaignId: null,
        areaId: null,
      });
      nav.changed();
      setOpenId(draft.id);
    } catch (e) {
      showError(e);
    } finally {
      setDrafting(false);
    }
  };

  return (
    <>
      <Descriptions size="small" column={1} bordered style={{ marginBottom: 8 }} data-testid="plan-documents">
        <Descriptions.Item label="公文">
          <Space direction="vertical" size={4} style={{ width: '100%' }}>
            {docs?.length === 0 && <Typography.Text type="secondary">尚无公文</Typography.Text>}
            {docs?.map((d) => (
              <Space key={d.id} size={8} data-testid="plan-document" data-id={d.id} data-number={d.number ?? ''}>
                <OpenLink onOpen={() => setOpenId(d.id)} testId="plan-document-link">
                  {d.number ? `${d.number} ` : ''}
                  {d.title || '（无标题）'}
                </OpenLink>
                <DocStatusTag status={d.status} />
              </Space>
            ))}
            <Space wrap>
              {!nav.readOnly && plan.method !== null && (
                <Button
                  size="small"
                  icon={<FileAddOutlined />}
                  loading={drafting}
                  onClick={() => void draftApproval()}
                  data-testid="plan-draft-approval"
                >
                  生成批复
                </Button>
              )}
              <Button
                size="small"
                icon={<PrinterOutlined />}
                loading={preview.busy}
                onClick={() =>
                  void preview.open({ kind: 'plan-sheet', planId: plan.id }, `一企一策方案：${plan.enterpriseName}`)
                }
                data-testid="plan-print"
              >
                打印方案
              </Button>
            </Space>
          </Space>
        </Descriptions.Item>
      </Descriptions>
      <DocumentEditor id={openId} onClose={() => setOpenId(null)} />
      <PdfPreview shown={preview.shown} onClose={preview.close} />
    </>
  );
}
