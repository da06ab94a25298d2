import { Alert, Button } from 'antd';
import type { OpenLedger } from '../../../shared/ipc/ledgers';
import { useRestore } from '../settings/useRestore';

/** A backup's name ends `-<YYYYMMDD-HHmmss>-<原因>.yqyc`: the time, readable, for the confirm. */
function takenAtOf(name: string): string {
  const m = /-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})-[^-]+\.yqyc$/.exec(name);
  return m ? `${m[1]}-${m[2]}-${m[3]} ${m[4]}:${m[5]}:${m[6]}` : name;
}

/**
 * A damaged ledger is open read-only (nothing is deleted): say so plainly, and offer the newest good backup. The
 * restore first copies the damaged file aside, so even this can be taken back.
 */
export function DamagedBanner({
  damaged,
  onRestored,
}: {
  damaged: NonNullable<OpenLedger['damaged']>;
  onRestored: (ledger: OpenLedger) => void;
}) {
  const { restore, restoring } = useRestore(onRestored);
  const newest = damaged.newestBackup;
  return (
    <Alert
      data-testid="damaged-banner"
      type="error"
      showIcon
      style={{ marginTop: 16 }}
      // The core's message says it all: what is wrong, that nothing was deleted, and which backup is offered.
      title={damaged.message}
      action={
        newest && (
          <Button danger loading={restoring !== null} onClick={() => restore(newest, takenAtOf(newest))}>
            恢复最新备份
          </Button>
        )
      }
    />
  );
}
