import dayjs from 'dayjs';
import { createPortal } from 'react-dom';
import { RECOVERY_KEY_ADVICE } from '../../../shared/ipc/lock';
import './recoverySheet.css';

export interface RecoveryKeyInfo {
  recoveryKey: string;
  township: string;
  fileName: string;
}

/**
 * The A4 sheet window.print() puts on paper (recoverySheet.css hides everything else when printing). Printed from the
 * page itself, so the key never passes through a file, a download or the core's print engine.
 */
export function RecoverySheet({ recoveryKey, township, fileName }: RecoveryKeyInfo) {
  return createPortal(
    <div className="recovery-sheet" data-testid="recovery-sheet">
      <h1>台账恢复密钥</h1>
      <p>乡镇（街道）：{township}</p>
      <p>台账文件：{fileName}</p>
      <p>生成日期：{dayjs().format('YYYY年M月D日')}</p>
      <div className="recovery-key">{recoveryKey.split('-').join(' ')}</div>
      <ol>
        {RECOVERY_KEY_ADVICE.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ol>
    </div>,
    document.body,
  );
}
