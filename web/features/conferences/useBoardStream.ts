import { useEffect, useRef, useState } from 'react';
import { BRIDGE_STATUS_BOARD_ORDER, type BoardBridge } from '../../../common/conferences';
import { apiUrl } from '../../api/client';
import { compareVietnamese } from '../../../common/text';
import type { Board } from './types';

type Update = Omit<BoardBridge, 'unitId' | 'unitCode' | 'unitName'>;

export interface BoardState {
  title: string;
  bridges: BoardBridge[];
  /** When each point last changed on this screen, to highlight it briefly. */
  changedAt: Map<string, number>;
  isLive: boolean;
  error?: string;
}

const sortBoard = (list: BoardBridge[]) =>
  list.sort(
    (a, b) =>
      BRIDGE_STATUS_BOARD_ORDER[a.status] - BRIDGE_STATUS_BOARD_ORDER[b.status] ||
      compareVietnamese(a.unitName, b.unitName),
  );

/**
 * The live board: a snapshot, then batches of changed points over Server-Sent Events. The browser reconnects by
 * itself with Last-Event-ID; the server answers with what was missed or a fresh snapshot.
 */
export function useBoardStream(conferenceId: string): BoardState {
  const [state, setState] = useState<BoardState>({ title: '', bridges: [], changedAt: new Map(), isLive: false });
  const byId = useRef(new Map<string, BoardBridge>());

  useEffect(() => {
    const source = new EventSource(apiUrl(`/conferences/${conferenceId}/events`));
    const replace = (board: Board) => {
      byId.current = new Map(board.bridges.map((b) => [b.id, b]));
      setState((s) => ({
        ...s,
        title: board.title,
        bridges: sortBoard([...board.bridges]),
        isLive: true,
        error: undefined,
      }));
    };
    source.addEventListener('snapshot', (event) => replace(JSON.parse((event as MessageEvent<string>).data) as Board));
    source.addEventListener('board', (event) => {
      const data = JSON.parse((event as MessageEvent<string>).data) as { bridges: Update[]; reload: boolean };
      if (data.reload) {
        void fetch(apiUrl(`/conferences/${conferenceId}/board`), { credentials: 'same-origin' })
          .then((response) => response.json() as Promise<Board>)
          .then(replace);
      }
      if (data.bridges.length === 0) {
        return;
      }
      const now = Date.now();
      setState((s) => {
        const changedAt = new Map(s.changedAt);
        for (const update of data.bridges) {
          const known = byId.current.get(update.id);
          if (known) {
            byId.current.set(update.id, { ...known, ...update });
            changedAt.set(update.id, now);
          }
        }
        return { ...s, bridges: sortBoard([...byId.current.values()]), changedAt, isLive: true };
      });
    });
    source.onerror = () => setState((s) => ({ ...s, isLive: false }));
    source.onopen = () => setState((s) => ({ ...s, isLive: true }));
    return () => source.close();
  }, [conferenceId]);

  return state;
}
