import { useCallback, useEffect, useRef, useState } from 'react';
import type { Grid, GridMonthInput, GridRow } from './types';

/** One month of a row as typed: present as text (empty = not held), theme included. */
export interface MonthDraft {
  present: string;
  theme: boolean;
}

export interface RowDraft {
  roll: string;
  months: MonthDraft[];
}

function draftOf(row: GridRow): RowDraft {
  const latest = [...row.months].reverse().find((m) => m.meeting)?.meeting;
  return {
    roll: latest ? String(latest.membersOnRoll) : '',
    months: row.months.map((m) => ({
      present: m.meeting ? String(m.meeting.present) : '',
      theme: m.meeting?.themeIncluded ?? false,
    })),
  };
}

/** The months of a row whose draft differs from what is stored, as the PUT body wants them. */
export function changedMonths(row: GridRow, draft: RowDraft): GridMonthInput[] {
  const roll = draft.roll.trim() === '' ? null : Number(draft.roll);
  return row.months.flatMap((month, i) => {
    const typed = draft.months[i];
    const stored = month.meeting;
    const isHeld = typed.present.trim() !== '';
    const present = isHeld ? Number(typed.present) : null;
    // Only months typed differently count; the roll applies to the months entered or changed.
    const isSame = stored ? isHeld && present === stored.present && typed.theme === stored.themeIncluded : !isHeld;
    if (isSame) {
      return [];
    }
    return [
      {
        month: month.month,
        held: isHeld,
        themeIncluded: isHeld && typed.theme,
        present,
        membersOnRoll: isHeld ? (roll ?? stored?.membersOnRoll ?? null) : null,
        version: stored?.version ?? null,
      },
    ];
  });
}

/** Drafts of every row of the grid, reset to the stored values when the grid (or one saved row) comes back. */
export function useGridRows(grid: Grid | undefined) {
  const [drafts, setDrafts] = useState<Map<string, RowDraft>>(new Map());
  const previous = useRef(new Map<string, GridRow>());
  // A saved row comes back as a new object and is reset; the other rows keep what the user typed.
  useEffect(() => {
    const rows = grid?.rows ?? [];
    setDrafts((current) => {
      const next = new Map<string, RowDraft>();
      for (const row of rows) {
        const kept = previous.current.get(row.cell.id) === row ? current.get(row.cell.id) : undefined;
        next.set(row.cell.id, kept ?? draftOf(row));
      }
      return next;
    });
    previous.current = new Map(rows.map((row) => [row.cell.id, row]));
  }, [grid]);
  const update = useCallback((cellId: string, change: (draft: RowDraft) => RowDraft) => {
    setDrafts((current) => {
      const draft = current.get(cellId);
      return draft ? new Map(current).set(cellId, change(draft)) : current;
    });
  }, []);
  return { drafts, update };
}
