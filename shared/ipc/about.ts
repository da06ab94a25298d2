import { z } from '../zod';
import { channel } from './channel';

/** A package shipped inside the program, as 关于 lists it (its licence text is asked for one at a time). */
export interface BundledComponent {
  name: string;
  version: string;
  /** The SPDX id the package declares (MIT, Apache-2.0 …), or 未声明. */
  licence: string;
}

/** 关于: what this copy of the program is and where it keeps the clerk's files. */
export interface AboutInfo {
  /** The program's version, as built; 开发版 when run from the sources. */
  version: string;
  dataDir: string;
  backupDir: string;
  /** The page's packages and the core's, each once; empty when run from the sources (no build has listed them). */
  components: BundledComponent[];
}

export const aboutChannels = {
  'app:about': channel<AboutInfo>()(z.object({}).strict()),
  /** One component's licence text as the package ships it; empty when the package carries no licence file. */
  'app:licence': channel<{ text: string }>()(
    z.object({ name: z.string().min(1, '请指明组件').max(214, '组件名称过长') }).strict(),
    { name: '组件' },
  ),
};
