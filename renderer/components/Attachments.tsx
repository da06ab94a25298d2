import { DeleteOutlined, DownloadOutlined, EyeOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Empty, Flex, Image, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { AttachmentOwner } from '../../shared/domain/labels';
import {
  ATTACHMENT_MAX_BYTES,
  ATTACHMENTS_PER_OWNER_MAX,
  type AttachmentMeta,
  type AttachmentMime,
} from '../../shared/domain/party';
import { call } from '../api/client';
import { useErrorMessage } from './useErrorMessage';

/** The kinds the core accepts, recognised the way it does: by the first bytes, not by the name. */
const SIGNATURES: { mime: AttachmentMime; bytes: number[] }[] = [
  { mime: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { mime: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { mime: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

const ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';
const MAX_MB = ATTACHMENT_MAX_BYTES / 1024 / 1024;

/**
 * Why a file would be refused, or null. Only a courtesy that saves sending 5 MB for nothing: the core checks
 * again and its answer is the one that counts.
 */
async function problemOf(file: File): Promise<string | null> {
  const name = file.name;
  if (file.size === 0) return `附件“${name}”是空文件`;
  if (file.size > ATTACHMENT_MAX_BYTES)
    return `附件“${name}”大小为${sizeText(file.size)}，超过${MAX_MB} MB的上限，请压缩或分页扫描后再添加`;
  const head = new Uint8Array(await file.slice(0, 8).arrayBuffer());
  if (SIGNATURES.some((s) => s.bytes.every((b, i) => head[i] === b))) return null;
  return `附件“${name}”不是PDF、JPG或PNG文件（按文件内容判断，与扩展名无关），只能添加扫描件（PDF）或照片（JPG、PNG）`;
}

/** The file's content as base64, without the data: prefix. */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(new Error('读取文件失败'));
    reader.readAsDataURL(file);
  });
}

function blobOf(base64: string, mime: AttachmentMime): Blob {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: mime });
}

/** As the core writes sizes in its messages. */
function sizeText(bytes: number): string {
  const mb = 1024 * 1024;
  return bytes >= mb ? `${(bytes / mb).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** Saves the file through the browser's download, under its own name. */
function download(url: string, fileName: string) {
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/** The object URL must outlive the tab that is loading it; a minute is plenty for a local file. */
function revokeLater(url: string) {
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

interface AttachmentsProps {
  ownerType: AttachmentOwner;
  ownerId: number;
  attachments: AttachmentMeta[];
  readOnly: boolean;
  /** After a file was added or removed: the owner re-reads its attachments. */
  onChanged: () => void;
}

/**
 * The scans and photos kept with a formation step or a work log, inside the ledger file: listed with their size
 * and date, viewed (images in place, PDFs in a new window), saved out, added and removed.
 */
export function Attachments({ ownerType, ownerId, attachments, readOnly, onChanged }: AttachmentsProps) {
  const { message, modal } = App.useApp();
  const showError = useErrorMessage();
  const [uploading, setUploading] = useState(0);
  const [preview, setPreview] = useState<string | null>(null);
  const full = attachments.length >= ATTACHMENTS_PER_OWNER_MAX;

  const add = async (file: File) => {
    const problem = await problemOf(file);
    if (problem) {
      void message.error(problem, 5);
      return;
    }
    setUploading((n) => n + 1);
    try {
      const data = await readBase64(file);
      await call('attachments:add', { ownerType, ownerId, fileName: file.name, data });
      void message.success(`已添加附件“${file.name}”`);
      onChanged();
    } catch (e) {
      showError(e);
    } finally {
      setUploading((n) => n - 1);
    }
  };

  const fetchFile = async (a: AttachmentMeta) => {
    const file = await call('attachments:get', { id: a.id });
    return { mime: file.mime, data: file.data };
  };

  const view = async (a: AttachmentMeta) => {
    try {
      const { mime, data } = await fetchFile(a);
      if (mime.startsWith('image/')) {
        // A data: URL: both shells' CSP allow it for images.
        setPreview(`data:${mime};base64,${data}`);
        return;
      }
      const url = URL.createObjectURL(blobOf(data, mime));
      revokeLater(url);
      // Where a new window is not allowed (the desktop shell), the PDF is saved instead, to open from there.
      if (!window.open(url, '_blank')) {
        download(url, a.fileName);
        void message.info(`已另存“${a.fileName}”，请在下载位置打开`);
      }
    } catch (e) {
      showError(e);
    }
  };

  const save = async (a: AttachmentMeta) => {
    try {
      const { mime, data } = await fetchFile(a);
      const url = URL.createObjectURL(blobOf(data, mime));
      download(url, a.fileName);
      revokeLater(url);
    } catch (e) {
      showError(e);
    }
  };

  const remove = (a: AttachmentMeta) => {
    modal.confirm({
      title: `删除附件“${a.fileName}”？`,
      content: '删除后可通过“撤销”恢复。',
      okText: '删除',
      okType: 'danger',
      cancelText: '取消',
      onOk: async () => {
        try {
          await call('attachments:delete', { id: a.id });
          void message.success(`已删除附件“${a.fileName}”`);
          onChanged();
        } catch (e) {
          showError(e);
        }
      },
    });
  };

  return (
    <div data-testid="attachments">
      {attachments.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有附件" style={{ margin: '4px 0' }} />
      ) : (
        <Flex vertical gap={2}>
          {attachments.map((a) => (
            <Flex key={a.id} align="center" gap={8} data-testid="attachment" data-name={a.fileName}>
              <PaperClipOutlined />
              <Typography.Text ellipsis style={{ flex: 1, minWidth: 0 }} title={a.fileName}>
                {a.fileName}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
                {sizeText(a.size)} · {a.addedAt.slice(0, 10)}
              </Typography.Text>
              <Space size={0}>
                <Button
                  type="link"
                  size="small"
                  icon={<EyeOutlined />}
                  onClick={() => void view(a)}
                  data-testid="attachment-view"
                >
                  查看
                </Button>
                <Button
                  type="link"
                  size="small"
                  icon={<DownloadOutlined />}
                  onClick={() => void save(a)}
                  data-testid="attachment-download"
                >
                  下载
                </Button>
                {!readOnly && (
                  <Button
                    type="link"
                    size="small"
                    danger
                    icon={<DeleteOutlined />}
                    onClick={() => remove(a)}
                    data-testid="attachment-delete"
                  >
                    删除
                  </Button>
                )}
              </Space>
            </Flex>
          ))}
        </Flex>
      )}
      {!readOnly && (
        <Flex align="center" gap={8} style={{ marginTop: 6 }}>
          <Upload
            accept={ACCEPT}
            multiple
            showUploadList={false}
            disabled={full}
            beforeUpload={(file) => {
              void add(file);
              // The file goes through the core's channel, never antd's own request.
              return Upload.LIST_IGNORE;
            }}
          >
            <Button
              size="small"
              icon={<UploadOutlined />}
              loading={uploading > 0}
              disabled={full}
              data-testid="attachment-upload"
            >
              上传
            </Button>
          </Upload>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {full
              ? `已达${ATTACHMENTS_PER_OWNER_MAX}个附件的上限`
              : `PDF、JPG或PNG，每个不超过${MAX_MB} MB，最多${ATTACHMENTS_PER_OWNER_MAX}个`}
          </Typography.Text>
        </Flex>
      )}
      {preview && (
        <Image
          src={preview}
          styles={{ root: { display: 'none' } }}
          preview={{ open: true, onOpenChange: (open) => !open && setPreview(null) }}
          data-testid="attachment-preview"
        />
      )}
    </div>
  );
}
