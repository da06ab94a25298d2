import { Button, Flex, Progress, Typography } from 'antd';
import type { Job } from '../../components/useJob';

/**
 * How far a running job is, in its own words (正在读取…, 正在写入…), with 取消. Before the first answer, or while the
 * total is not known yet (a streamed file), the bar moves without a percentage.
 */
export function JobProgressView({
  job,
  idle,
  testId,
  expectedTotal,
}: {
  job: Job;
  idle: string;
  testId: string;
  /** How many rows the job will go through when the caller knows it (a preview has counted them) and the job does not say. */
  expectedTotal?: number | null;
}) {
  const p = job.progress;
  const total = p?.total ?? expectedTotal ?? null;
  const percent = p && total ? Math.min(100, Math.floor((p.done / total) * 100)) : null;
  const count = (n: number) => n.toLocaleString('zh-CN');
  // A phase that already says how far it is (正在检查，已处理 750 行…) needs no count after it.
  const words = job.cancelling
    ? '正在取消…'
    : !p
      ? idle
      : /\d/.test(p.phase)
        ? p.phase
        : p.total
          ? `${p.phase}（${count(p.done)} / ${count(p.total)}）`
          : p.done > 0
            ? `${p.phase}（已处理 ${count(p.done)} 行）`
            : p.phase;
  return (
    <Flex vertical gap={4} data-testid={testId} data-running={String(job.running)}>
      <Flex align="center" gap={12}>
        <Progress
          percent={percent ?? 100}
          status="active"
          showInfo={percent !== null}
          style={{ flex: 1, margin: 0 }}
          strokeColor={percent === null ? '#d9d9d9' : undefined}
        />
        <Button onClick={job.cancel} disabled={!job.running || job.cancelling} data-testid={`${testId}-cancel`}>
          取消
        </Button>
      </Flex>
      <Typography.Text type="secondary">{words}</Typography.Text>
    </Flex>
  );
}
