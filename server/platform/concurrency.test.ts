import { describe, expect, it } from 'vitest';
import { AppError } from './errors';
import { assertVersion, enumDisplay } from './concurrency';

describe('assertVersion', () => {
  it('lets an edit of the current version through', () => {
    expect(() => assertVersion({ version: 3, title: 'A' }, { version: 3, title: 'B' })).not.toThrow();
  });

  it('answers CONFLICT naming each field that now differs', () => {
    try {
      assertVersion(
        { version: 4, title: 'Mô hình mới', note: null },
        { version: 3, title: 'Mô hình cũ', note: null },
        {
          title: 'Tên',
        },
      );
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      const appError = error as AppError;
      expect(appError.code).toBe('CONFLICT');
      expect(appError.details).toEqual([
        { path: 'body.title', message: 'Tên hiện là "Mô hình mới"' },
        { path: 'body.version', message: 'Phiên bản hiện tại là 4, bạn sửa từ 3.' },
      ]);
    }
  });
});

describe('assertVersion with field displays', () => {
  it('shows what a user knows a value by, and the notes before the version line', () => {
    try {
      assertVersion(
        { version: 2, level: 'district', unitId: 'u-1', note: null },
        { version: 1, level: 'central', unitId: 'u-2', note: 'x' },
        {
          level: enumDisplay('Cấp khen', { district: { vi: 'Cấp huyện' } }),
          unitId: { label: 'Đơn vị', show: (value) => (value === 'u-1' ? 'Chi bộ ấp 1' : String(value)) },
          note: { label: 'Ghi chú', show: () => 'không dùng cho ô trống' },
        },
        [{ path: 'lastChange', message: 'Lần sửa gần nhất: A.' }],
      );
      expect.unreachable();
    } catch (error) {
      expect((error as AppError).details).toEqual([
        { path: 'body.level', message: 'Cấp khen hiện là "Cấp huyện"' },
        { path: 'body.unitId', message: 'Đơn vị hiện là "Chi bộ ấp 1"' },
        { path: 'body.note', message: 'Ghi chú hiện là (trống)' },
        { path: 'lastChange', message: 'Lần sửa gần nhất: A.' },
        { path: 'body.version', message: 'Phiên bản hiện tại là 2, bạn sửa từ 1.' },
      ]);
    }
  });
});
