import { describe, expect, it } from 'vitest';
import { AppError } from './errors';
import { assertVersion } from './concurrency';

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
