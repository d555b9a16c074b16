import { describe, expect, it } from 'vitest';
import { compareVietnamese, foldVietnamese } from './text';

describe('foldVietnamese', () => {
  it('ignores diacritics, case and đ', () => {
    expect(foldVietnamese('Huyện ủy Đầm Dơi')).toBe('huyen uy dam doi');
    expect(foldVietnamese('ĐẦM DƠI')).toBe('dam doi');
  });

  it('folds both tone-mark placements alike', () => {
    expect(foldVietnamese('Hoà Thành')).toBe(foldVietnamese('Hòa Thành'));
    expect(foldVietnamese('Thuỷ')).toBe(foldVietnamese('Thủy'));
  });

  it('handles decomposed input and the look-alike Ð', () => {
    expect(foldVietnamese('Đa\u0300m'.normalize('NFD'))).toBe('dam');
    expect(foldVietnamese('ÐẦM DƠI')).toBe('dam doi');
  });
});

describe('compareVietnamese', () => {
  it('sorts Đ after D and numbers naturally', () => {
    const names = ['Đông Hải', 'Dương Thạnh', 'An Xuyên', 'Ấp 10', 'Ấp 2'];
    expect([...names].sort(compareVietnamese)).toEqual(['An Xuyên', 'Ấp 2', 'Ấp 10', 'Dương Thạnh', 'Đông Hải']);
  });
});
