import type { BoardBridge, BoardTotals, BridgeStatus, ConferenceMode } from '../../../common/conferences';

export interface UnitRef {
  id: string;
  code: string;
  name: string;
}

export interface ConferenceSummary {
  id: string;
  title: string;
  unit: UnitRef;
  campaign: { id: string; code: string; title: string } | null;
  startsAt: string;
  endsAt: string;
  mode: ConferenceMode;
  hostPlace: string | null;
  bridgesCount: number;
  isOrganiser: boolean;
}

export interface AgendaItem {
  id: string;
  position: number;
  startsAt: string | null;
  title: string;
  presenter: string | null;
  presenterPosition: string | null;
  documentsCount: number;
  version: number;
}

export interface ConferenceDetail extends ConferenceSummary {
  meetingUrl: string | null;
  video: { jitsiUrl: string | null; roomName: string };
  minutes: string | null;
  conclusions: string | null;
  agenda: AgendaItem[];
  documentsCount: number;
  myBridges: { id: string; unit: UnitRef }[];
  abilities: { canEdit: boolean; canInvite: boolean; canWatchBoard: boolean };
  version: number;
}

export interface Bridge {
  id: string;
  conferenceId: string;
  unit: UnitRef & { kind: string };
  place: string | null;
  contactName: string | null;
  contactPhone: string | null;
  expected: number;
  status: BridgeStatus;
  statusAt: string;
  problemNote: string | null;
  checkedIn: number;
  rosterCount: number;
  headCount: number | null;
  present: number;
  version: number;
}

export interface BridgeDetail extends Bridge {
  history: { status: BridgeStatus; note: string | null; at: string; by: string | null }[];
  abilities: { canEdit: boolean; isOrganiser: boolean };
}

export interface Attendee {
  id: string;
  bridgeId: string;
  fullName: string;
  position: string | null;
  organisation: string | null;
  category: { id: string; code: string; name: string } | null;
  isWalkIn: boolean;
  checkedInAt: string | null;
  token: string | null;
  version: number;
}

export interface Category {
  id: string;
  code: string;
  nameVi: string;
  nameEn: string;
  sortOrder: number;
  isActive: boolean;
  version: number;
}

export interface Board {
  conferenceId: string;
  title: string;
  lastEventId: string;
  bridges: BoardBridge[];
  totals: BoardTotals;
}

export interface Draft {
  text: string;
  isEdited: boolean;
  drafted: string;
  version: number;
}

export interface ImportRosterResult {
  dryRun: boolean;
  created: number;
  items: { fullName: string; category: string | null }[];
}
