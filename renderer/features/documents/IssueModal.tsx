import { Alert, Descriptions, InputNumber, Modal, Spin, type ButtonProps } from 'antd';
import { useEffect, useState } from 'react';
import { formatDocNumber } from '../../../shared/documents/number';
import type { NextNumber } from '../../../shared/ipc/documents';
import { call } from '../../api/client';
import { messageOf } from '../../components/formErrors';

/**
 * 发文: the number the register proposes (the next never taken for the 代字 and year), which the clerk may change to
 * another free one. Says plainly that a number, once taken, is never given again, even if the document is withdrawn.
 */
export function IssueModal({
  year,
  onCancel,
  onIssue,
}: {
  /** The year of the 成文日期 (or this year). */
  year: number;
  onCancel: () => void;
  /** Issues with the sequence chosen; resolves when done or refused (the editor shows a refusal). */
  onIssue: (seq: number) => Promise<void>;
}) {
  // Read afresh for each opening (the parent mounts this only while 发文 is under way).
  const [next, setNext] = useState<NextNumber | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [chosenSeq, setSeq] = useState<number | null>(null);
  const [issuing, setIssuing] = useState(false);
  const seq = chosenSeq ?? next?.seq ?? null;

  useEffect(() => {
    let live = true;
    call('documents:nextNumber', { year }).then(
      (n) => live && setNext(n),
      (e: unknown) => live && setProblem(messageOf(e, '未能取得下一个发文字号，请重试')),
    );
    return () => {
      live = false;
    };
  }, [year]);

  const chosen = next && seq ? formatDocNumber({ code: next.code, year: next.year, seq }) : null;

  return (
    <Modal
      open
      title="发文"
      okText="发文"
      cancelText="取消"
      onCancel={onCancel}
      okButtonProps={{ disabled: !next || !seq, loading: issuing, 'data-testid': 'doc-issue-ok' } as ButtonProps}
      onOk={async () => {
        if (!seq) return;
        setIssuing(true);
        try {
          await onIssue(seq);
        } finally {
          setIssuing(false);
        }
      }}
      destroyOnHidden
      data-testid="doc-issue-modal"
    >
      {problem && <Alert type="error" showIcon title={problem} />}
      {!next && !problem && <Spin />}
      {next && (
        <>
          <Descriptions size="small" column={1} bordered style={{ marginBottom: 12 }}>
            <Descriptions.Item label="建议的发文字号">
              <span data-testid="doc-issue-proposed">{next.number}</span>
            </Descriptions.Item>
            <Descriptions.Item label="发文序号">
              <InputNumber
                min={1}
                max={99_999}
                precision={0}
                value={seq}
                onChange={(v) => setSeq(v ?? 0)}
                data-testid="doc-issue-seq"
              />
            </Descriptions.Item>
            <Descriptions.Item label="将使用的发文字号">
              <strong data-testid="doc-issue-number">{chosen ?? '—'}</strong>
            </Descriptions.Item>
          </Descriptions>
          <Alert
            type="warning"
            showIcon
            title="发文字号一经使用即不再重复使用"
            description="发文后公文归档、不能再修改；如需作废只能撤回，撤回后该字号在发文登记中显示为“已撤回”，不会分配给其他公文。"
          />
        </>
      )}
    </Modal>
  );
}
