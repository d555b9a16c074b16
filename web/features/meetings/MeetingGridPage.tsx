import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Flex, InputNumber, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { ErrorDetail } from '../../../common/errors';
import { todayIso } from '../../../common/dates';
import { isApiError } from '../../api/client';
import { useMessages } from '../../i18n/useMessages';
import { errorMessage } from '../../lib/serverErrors';
import { useCurrentUser } from '../auth/useCurrentUser';
import { UnitPicker } from '../org-units/UnitPicker';
import { useMeetingGrid, useSaveGridRow } from './api';
import { GridRowView } from './GridRowView';
import { messages } from './messages';
import { changedMonths, useGridRows } from './useGridRows';
import './meetings.css';

/**
 * The commune's grid: its cells × the months of a year, the number present typed in each month (empty = no regular
 * meeting), the theme box beside it; arrows move, Enter or the button saves the row (one request, all or nothing).
 */
export function MeetingGridPage() {
  const t = useMessages(messages);
  const { message } = App.useApp();
  const me = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const unit = params.get('unit') ?? me.unit.code;
  const year = Number(params.get('year') ?? todayIso().slice(0, 4));
  const grid = useMeetingGrid(unit, year);
  const save = useSaveGridRow(unit, year);
  const { drafts, update } = useGridRows(grid.data);
  const [errors, setErrors] = useState<Map<string, ErrorDetail[]>>(new Map());
  const [savingId, setSavingId] = useState<string>();
  const set = (patch: Record<string, string>) => {
    const next = new URLSearchParams(params);
    Object.entries({ unit, year: String(year), ...patch }).forEach(([key, value]) => next.set(key, value));
    setParams(next, { replace: true });
  };
  const rows = grid.data?.rows ?? [];

  const move = (rowIndex: number, column: number) => {
    const target = document.querySelector<HTMLInputElement>(`[data-grid="${rowIndex}:${column}"]`);
    if (target && !target.disabled) {
      target.focus();
      target.select();
    }
  };

  const saveRow = async (cellId: string) => {
    const row = rows.find((r) => r.cell.id === cellId);
    const draft = drafts.get(cellId);
    if (!row || !draft) {
      return;
    }
    const months = changedMonths(row, draft);
    if (months.length === 0) {
      return;
    }
    setSavingId(cellId);
    try {
      await save.mutateAsync({ cellId, months });
      setErrors((current) => {
        const next = new Map(current);
        next.delete(cellId);
        return next;
      });
      void message.success(t('grid.saved', { cell: row.cell.name, count: months.length }));
    } catch (error) {
      const details =
        isApiError(error) && error.details.length > 0 ? error.details : [{ path: 'row', message: errorMessage(error) }];
      // The server numbers the months it was sent; point each message at the month of the grid.
      const mapped = details.map((detail) => {
        const index = /^body\.months\.(\d+)\.(.*)$/.exec(detail.path);
        if (!index) {
          return detail;
        }
        const column = row.months.findIndex((m) => m.month === months[Number(index[1])]?.month);
        return { ...detail, path: `body.months.${column}.${index[2]}` };
      });
      setErrors((current) => new Map(current).set(cellId, mapped));
      if (isApiError(error, 'CONFLICT')) {
        void grid.refetch();
      }
    } finally {
      setSavingId(undefined);
    }
  };

  return (
    <Flex vertical gap={12}>
      <Link to="/meetings">
        <ArrowLeftOutlined /> {t('page.back')}
      </Link>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('grid.title')}
      </Typography.Title>
      <Flex wrap gap={8} align="center">
        <UnitPicker
          placeholder={grid.data ? `${grid.data.unit.name} (${grid.data.unit.code})` : t('filter.unit')}
          value={undefined}
          onChange={(_, picked) => picked && set({ unit: picked.code })}
          style={{ flex: '1 1 260px', maxWidth: 420 }}
        />
        <InputNumber
          aria-label={t('grid.year')}
          min={2016}
          max={Number(todayIso().slice(0, 4))}
          value={year}
          onChange={(value) => value && set({ year: String(value) })}
          prefix={t('grid.year')}
          style={{ width: 140 }}
        />
      </Flex>
      <Typography.Text type="secondary">{t('grid.hint')}</Typography.Text>
      {grid.isError && <Alert type="error" showIcon title={errorMessage(grid.error)} />}
      {grid.isLoading && <Skeleton active />}
      {grid.data && (
        <div className="meetings-grid-scroll">
          <table className="meetings-grid" data-testid="meetings-grid">
            <thead>
              <tr>
                <th scope="col" className="meetings-grid-cell">
                  {t('grid.cell')}
                </th>
                <th scope="col">{t('grid.roll')}</th>
                {grid.data.months.map((month) => (
                  <th scope="col" key={month}>
                    {t('grid.month', { month: Number(month.slice(5, 7)) })}
                  </th>
                ))}
                <th scope="col" />
              </tr>
            </thead>
            <tbody>
              {rows.map((row, rowIndex) => {
                const draft = drafts.get(row.cell.id);
                return draft ? (
                  <GridRowView
                    key={row.cell.id}
                    row={row}
                    rowIndex={rowIndex}
                    draft={draft}
                    changedCount={changedMonths(row, draft).length}
                    isSaving={savingId === row.cell.id}
                    errors={errors.get(row.cell.id) ?? []}
                    onChange={(change) => update(row.cell.id, change)}
                    onSave={() => void saveRow(row.cell.id)}
                    onMove={move}
                  />
                ) : null;
              })}
            </tbody>
          </table>
          {rows.length === 0 && <Alert type="info" showIcon title={t('grid.empty')} />}
        </div>
      )}
    </Flex>
  );
}
