import { SaveOutlined } from '@ant-design/icons';
import { Button, Checkbox, Tooltip, Typography } from 'antd';
import type { KeyboardEvent } from 'react';
import type { ErrorDetail } from '../../../common/errors';
import { useMessages } from '../../i18n/useMessages';
import { formatDate } from '../../lib/format';
import { messages } from './messages';
import type { GridRow } from './types';
import type { RowDraft } from './useGridRows';

interface Props {
  row: GridRow;
  rowIndex: number;
  draft: RowDraft;
  changedCount: number;
  isSaving: boolean;
  errors: ErrorDetail[];
  onChange: (change: (draft: RowDraft) => RowDraft) => void;
  onSave: () => void;
  onMove: (rowIndex: number, column: number) => void;
}

const digits = (text: string) => text.replace(/\D/g, '').slice(0, 5);

/** One cell's year in the grid: the roll, then per month the number present (empty = no meeting) and the theme box. */
export function GridRowView({ row, rowIndex, draft, changedCount, isSaving, errors, onChange, onSave, onMove }: Props) {
  const t = useMessages(messages);
  const errorMonths = new Set(
    errors.map((e) => /^body\.months\.(\d+)\./.exec(e.path)?.[1]).filter((i): i is string => i !== undefined),
  );
  const isEditable = row.canEdit;
  const keys = (column: number) => (event: KeyboardEvent<HTMLInputElement>) => {
    const moves: Record<string, [number, number]> = {
      ArrowUp: [rowIndex - 1, column],
      ArrowDown: [rowIndex + 1, column],
      ArrowLeft: [rowIndex, column - 1],
      ArrowRight: [rowIndex, column + 1],
    };
    if (moves[event.key]) {
      event.preventDefault();
      onMove(...moves[event.key]);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      onSave();
    } else if ((event.key === ' ' || event.key.toLowerCase() === 'c') && column > 0) {
      event.preventDefault();
      onChange((d) => ({ ...d, months: d.months.map((m, i) => (i === column - 1 ? { ...m, theme: !m.theme } : m)) }));
    }
  };
  const life = row.validTo
    ? t('grid.life', { from: formatDate(row.validFrom), to: formatDate(row.validTo) })
    : undefined;

  return (
    <>
      <tr data-testid={`grid-row-${row.cell.code}`} className={changedCount > 0 ? 'meetings-grid-dirty' : undefined}>
        <th scope="row" className="meetings-grid-cell">
          <Tooltip title={life}>
            <span>{row.cell.name}</span>
          </Tooltip>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 11 }}>
            {row.cell.code}
          </Typography.Text>
        </th>
        <td>
          <input
            className="meetings-grid-input"
            aria-label={t('grid.rollOf', { cell: row.cell.name })}
            data-grid={`${rowIndex}:0`}
            inputMode="numeric"
            disabled={!isEditable}
            value={draft.roll}
            onChange={(event) => onChange((d) => ({ ...d, roll: digits(event.target.value) }))}
            onKeyDown={keys(0)}
          />
        </td>
        {row.months.map((month, i) => {
          const typed = draft.months[i];
          const isOpen = month.isOpen && isEditable;
          return (
            <td key={month.month} className={errorMonths.has(String(i)) ? 'meetings-grid-error' : undefined}>
              <div className="meetings-grid-month">
                <input
                  className="meetings-grid-input"
                  aria-label={t('grid.presentOf', { cell: row.cell.name, month: i + 1 })}
                  data-grid={`${rowIndex}:${i + 1}`}
                  inputMode="numeric"
                  disabled={!isOpen}
                  value={typed.present}
                  placeholder={month.isOpen ? '–' : ''}
                  onChange={(event) =>
                    onChange((d) => ({
                      ...d,
                      months: d.months.map((m, j) => (j === i ? { ...m, present: digits(event.target.value) } : m)),
                    }))
                  }
                  onKeyDown={keys(i + 1)}
                />
                <Checkbox
                  aria-label={t('grid.themeOf', { cell: row.cell.name, month: i + 1 })}
                  disabled={!isOpen || typed.present === ''}
                  checked={typed.present !== '' && typed.theme}
                  tabIndex={-1}
                  onChange={(event) =>
                    onChange((d) => ({
                      ...d,
                      months: d.months.map((m, j) => (j === i ? { ...m, theme: event.target.checked } : m)),
                    }))
                  }
                />
              </div>
            </td>
          );
        })}
        <td>
          {isEditable && (
            <Button
              size="small"
              type={changedCount > 0 ? 'primary' : 'default'}
              icon={<SaveOutlined />}
              disabled={changedCount === 0}
              loading={isSaving}
              onClick={onSave}
              aria-label={t('grid.saveRow', { cell: row.cell.name })}
            >
              {changedCount > 0 ? changedCount : ''}
            </Button>
          )}
        </td>
      </tr>
      {errors.length > 0 && (
        <tr className="meetings-grid-messages" data-testid={`grid-errors-${row.cell.code}`}>
          <td colSpan={15}>
            <ul>
              {errors.map((error) => (
                <li key={error.path + error.message}>{error.message}</li>
              ))}
            </ul>
          </td>
        </tr>
      )}
    </>
  );
}
