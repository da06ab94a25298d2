import type { AreaType, InstructorSource, OrgHost, PartyOrgType } from './labels';
import type { LeaderItem } from './party';

/** The ledger's own lists that enterprises point at, as screens need them for choosing and filtering. */
export interface ZoneItem {
  id: number;
  name: string;
  areas: number;
}

export interface AreaItem {
  id: number;
  name: string;
  type: AreaType;
  zoneId: number | null;
  sortOrder: number;
  /** How many enterprises are in it (all statuses): an area with any cannot be deleted. */
  enterprises: number;
}

export interface WorkGroupItem {
  id: number;
  name: string;
  /** Pinyin initials of the name, for searching the list. */
  nameInitials: string;
  leaderName: string;
  enterprises: number;
}

/** 党建工作指导员 (source 001): who guides an enterprise's party work. */
export interface Instructor {
  id: number;
  name: string;
  /** 单位职务 */
  position: string;
  phone: string;
  fullTime: boolean;
  source: InstructorSource;
  /** 派驻日期, YYYY-MM-DD */
  appointedOn: string | null;
}

export interface InstructorItem extends Instructor {
  /** Pinyin initials of the name, for searching the list. */
  nameInitials: string;
  /** Enterprises with a current assignment to this instructor. */
  enterprises: number;
  /** 培训记录 count. */
  trainings: number;
}

/** A party organisation as pickers show it. */
export interface PartyOrgOption {
  id: number;
  name: string;
  type: PartyOrgType;
  host: OrgHost;
}

export interface Lookups {
  zones: ZoneItem[];
  areas: AreaItem[];
  workGroups: WorkGroupItem[];
  instructors: InstructorItem[];
  leaders: LeaderItem[];
  partyOrgs: PartyOrgOption[];
}
