import { describe, expect, test } from 'vitest';
import { classifyLocation, parseNetUse, unsafeLocationMessage } from '../../electron/core/ledger/location';

const NFS = 0x6969;
const SMB = 0x517b;
const CIFS = 0xff534d42;
const SMB2 = 0xfe534d42;
const FUSE = 0x65735546;
const EXT4 = 0xef53;
const TMPFS = 0x01021994;

describe('classifyLocation', () => {
  test.each([
    ['\\\\fileserver\\党建\\长乐镇.yqyc', '网络共享（UNC 路径）'],
    ['//fileserver/党建/长乐镇.yqyc', '网络共享（UNC 路径）'],
    ['\\\\?\\UNC\\fileserver\\党建\\长乐镇.yqyc', '网络共享（UNC 路径）'],
  ])('a UNC path %s is a network share', (path, what) => {
    expect(classifyLocation(path)).toEqual({ kind: 'network', what });
  });

  test('a Windows long local path (\\\\?\\C:\\…) is local, not a share', () => {
    expect(classifyLocation('\\\\?\\C:\\台账\\长乐镇.yqyc')).toEqual({ kind: 'local' });
  });

  test.each([
    [NFS, 'NFS 网络共享'],
    [SMB, 'SMB 网络共享'],
    [CIFS, 'CIFS 网络共享'],
    [SMB2, 'SMB2 网络共享'],
    [FUSE, 'FUSE 挂载（网络或网盘）'],
  ])('a Linux/UOS mount of type %i is refused as %s', (type, what) => {
    expect(classifyLocation('/mnt/share/长乐镇.yqyc', type)).toEqual({ kind: 'network', what });
  });

  test('statfs may report the magic as a negative 32-bit number; it is still recognised', () => {
    expect(classifyLocation('/mnt/s/a.yqyc', CIFS | 0)).toEqual({ kind: 'network', what: 'CIFS 网络共享' });
  });

  test('a mapped network drive the shell reports is refused', () => {
    expect(classifyLocation('Z:\\台账\\长乐镇.yqyc', null, true)).toEqual({
      kind: 'network',
      what: '映射的网络驱动器',
    });
  });

  test.each([
    ['C:\\Users\\王芳\\OneDrive\\台账\\长乐镇.yqyc', 'OneDrive 同步文件夹'],
    ['C:\\Users\\王芳\\OneDrive - 长乐镇人民政府\\长乐镇.yqyc', 'OneDrive 同步文件夹'],
    ['/home/wang/Dropbox/长乐镇.yqyc', 'Dropbox 同步文件夹'],
    ['C:\\Users\\王芳\\iCloudDrive\\长乐镇.yqyc', 'iCloud 云盘文件夹'],
    ['D:\\坚果云\\党建\\长乐镇.yqyc', '坚果云同步文件夹'],
    ['/home/wang/Nutstore Files/长乐镇.yqyc', '坚果云同步文件夹'],
    ['D:\\百度网盘同步空间\\长乐镇.yqyc', '百度网盘同步空间'],
    ['C:\\Users\\王芳\\WPS云盘\\长乐镇.yqyc', 'WPS 云盘'],
    ['D:\\腾讯微云\\长乐镇.yqyc', '腾讯微云同步文件夹'],
  ])('%s is a cloud-sync folder', (path, what) => {
    expect(classifyLocation(path, EXT4)).toEqual({ kind: 'cloud', what });
  });

  test.each([
    ['/home/wang/文档/长乐镇.yqyc', EXT4],
    ['/tmp/yiqiyice/长乐镇.yqyc', TMPFS],
    ['C:\\Users\\王芳\\Documents\\OneDrive备忘\\长乐镇.yqyc', null],
    ['D:\\党建台账\\同步\\长乐镇.yqyc', null],
  ])('%s is local', (path, type) => {
    expect(classifyLocation(path, type)).toEqual({ kind: 'local' });
  });

  test('the message names the place and the reason and offers the local copy', () => {
    const m = unsafeLocationMessage({ kind: 'network', what: 'SMB 网络共享' });
    expect(m).toContain('网络位置（SMB 网络共享）');
    expect(m).toContain('文件锁不可靠');
    expect(m).toContain('复制到本机');
  });
});

describe('parseNetUse', () => {
  test('reads the mapped letters from English and Chinese `net use` output, whatever the status', () => {
    const out = [
      '会记录新的网络连接。',
      '',
      '状态       本地        远程                      网络',
      '-------------------------------------------------------------------------------',
      'OK           Z:        \\\\fileserver\\党建         Microsoft Windows Network',
      '已断开       Y:        \\\\nas\\备份               Microsoft Windows Network',
      'Unavailable  x:        \\\\old\\share              Microsoft Windows Network',
      'OK                     \\\\fileserver\\IPC$        Microsoft Windows Network',
      '命令成功完成。',
    ].join('\r\n');
    expect([...parseNetUse(out)].sort()).toEqual(['X', 'Y', 'Z']);
    expect(parseNetUse('There are no entries in the list.').size).toBe(0);
  });
});
