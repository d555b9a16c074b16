/** Conferences: modes, bridge statuses and their labels, shared by server and web. */
export const CONFERENCE_MODES = ['online', 'hybrid', 'in_person'] as const;
export type ConferenceMode = (typeof CONFERENCE_MODES)[number];

export const CONFERENCE_MODE_LABELS: Record<ConferenceMode, { vi: string; en: string }> = {
  online: { vi: 'Trực tuyến', en: 'Online' },
  hybrid: { vi: 'Trực tiếp kết hợp trực tuyến', en: 'Hybrid' },
  in_person: { vi: 'Trực tiếp', en: 'In person' },
};

export const BRIDGE_STATUSES = ['invited', 'registered', 'tested', 'connected', 'problem', 'disconnected'] as const;
export type BridgeStatus = (typeof BRIDGE_STATUSES)[number];

export const BRIDGE_STATUS_LABELS: Record<BridgeStatus, { vi: string; en: string }> = {
  invited: { vi: 'Đã mời', en: 'Invited' },
  registered: { vi: 'Đã đăng ký', en: 'Registered' },
  tested: { vi: 'Đã thử kết nối', en: 'Tested' },
  connected: { vi: 'Đang kết nối', en: 'Connected' },
  problem: { vi: 'Gặp sự cố', en: 'Problem' },
  disconnected: { vi: 'Mất kết nối', en: 'Disconnected' },
};

/** Problems first on the board, then the points not yet connected, connected last. */
export const BRIDGE_STATUS_BOARD_ORDER: Record<BridgeStatus, number> = {
  problem: 0,
  disconnected: 1,
  invited: 2,
  registered: 3,
  tested: 4,
  connected: 5,
};

/** What a board row holds; events carry the same shape for the points that changed. */
export interface BoardBridge {
  id: string;
  unitId: string;
  unitCode: string;
  unitName: string;
  place: string | null;
  status: BridgeStatus;
  statusAt: string;
  problemNote: string | null;
  expected: number;
  checkedIn: number;
  headCount: number | null;
  /** The head count when one was entered, the check-ins otherwise. */
  present: number;
  version: number;
}

export function presentOf(bridge: { checkedIn: number; headCount: number | null }): number {
  return bridge.headCount ?? bridge.checkedIn;
}

export interface BoardTotals {
  bridges: number;
  connected: number;
  problems: number;
  expected: number;
  present: number;
  checkedIn: number;
}

export function boardTotals(bridges: BoardBridge[]): BoardTotals {
  const totals: BoardTotals = {
    bridges: bridges.length,
    connected: 0,
    problems: 0,
    expected: 0,
    present: 0,
    checkedIn: 0,
  };
  for (const bridge of bridges) {
    totals.connected += bridge.status === 'connected' ? 1 : 0;
    totals.problems += bridge.status === 'problem' || bridge.status === 'disconnected' ? 1 : 0;
    totals.expected += bridge.expected;
    totals.present += bridge.present;
    totals.checkedIn += bridge.checkedIn;
  }
  return totals;
}

/** The QR code on an invitation holds this prefix and the attendee's token. */
export const CHECK_IN_QR_PREFIX = 'LANTOA-CI:';

export function tokenFromQr(text: string): string | undefined {
  const trimmed = text.trim();
  const match = /^LANTOA-CI:([A-Za-z0-9_-]{16,64})$/.exec(trimmed) ?? /[?&]token=([A-Za-z0-9_-]{16,64})/.exec(trimmed);
  return match?.[1];
}
