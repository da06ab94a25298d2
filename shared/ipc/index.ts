import type { z } from 'zod';
import type { ChannelSpec } from './channel';
import { aboutChannels } from './about';
import { attachmentChannels } from './attachments';
import { backupChannels } from './backups';
import { changeChannels } from './changes';
import { countyChannels } from './county';
import { documentChannels } from './documents';
import { encryptionChannels } from './encryption';
import { enterpriseChannels } from './enterprises';
import { exportChannels } from './exports';
import { importChannels } from './imports';
import { jobChannels } from './jobs';
import { ledgerChannels } from './ledgers';
import { lockChannels } from './lock';
import { memberChannels } from './members';
import { partyOrgChannels } from './partyOrgs';
import { peopleChannels } from './people';
import { personalChannels } from './personal';
import { planChannels } from './plans';
import { prefsChannels } from './prefs';
import { printChannels } from './print';
import { settingsChannels } from './settings';
import { statsChannels } from './stats';
import { workLogChannels } from './workLogs';
import { yearTurnChannels } from './yearTurn';

/** The whole contract: one entry per `area:verb` channel, joined from one file per area. */
export const contract = {
  ...ledgerChannels,
  ...encryptionChannels,
  ...lockChannels,
  ...enterpriseChannels,
  ...settingsChannels,
  ...changeChannels,
  ...partyOrgChannels,
  ...attachmentChannels,
  ...memberChannels,
  ...peopleChannels,
  ...workLogChannels,
  ...statsChannels,
  ...planChannels,
  ...yearTurnChannels,
  ...jobChannels,
  ...importChannels,
  ...exportChannels,
  ...backupChannels,
  ...documentChannels,
  ...printChannels,
  ...personalChannels,
  ...countyChannels,
  ...aboutChannels,
  ...prefsChannels,
};

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>;
/** What a handler receives: the request after parsing (defaults filled in, strings trimmed). */
export type ParsedRequestOf<C extends Channel> = z.output<Contract[C]['request']>;
export type ResponseOf<C extends Channel> = Contract[C] extends ChannelSpec<z.ZodType, infer R> ? R : never;

export const CHANNELS = Object.keys(contract) as Channel[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

export * from './result';
export { validationError } from './zodErrors';
