import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { emptyCounts } from '../commendations/commendations-stats';
import { commendationClauses, countText, modelsParagraph, placeAndDate, reviewYears } from './drafting';
import { documentSymbol, partyHeading, placeName, termStart } from './party-heading';
import { barChartPng } from './png-chart';

describe('drafted text', () => {
  it('writes counts under ten with two digits and thousands with dots', () => {
    expect([0, 2, 9, 10, 281, 1234].map(countText)).toEqual(['00', '02', '09', '10', '281', '1.234']);
  });

  it("puts the article's commendation figures into its own words, lowest level first", () => {
    const counts = emptyCounts();
    counts.byLevel.central = { collective: 2, individual: 2 };
    counts.byLevel.province = { collective: 46, individual: 56 };
    counts.byLevel.district = { collective: 281, individual: 410 };
    expect(commendationClauses(counts)).toBe(
      'cấp huyện, thành phố khen 281 tập thể và 410 cá nhân; cấp tỉnh khen 46 tập thể và 56 cá nhân; ' +
        'cấp Trung ương khen 02 tập thể và 02 cá nhân',
    );
  });

  it('leaves out empty levels and empty kinds, and says nothing when nobody was commended', () => {
    const counts = emptyCounts();
    expect(commendationClauses(counts)).toBeNull();
    counts.byLevel.commune = { collective: 0, individual: 7 };
    expect(commendationClauses(counts)).toBe('cấp xã khen 07 cá nhân');
  });

  it('counts models built, recognised and replicated', () => {
    const text = modelsParagraph({
      total: 59,
      byStatus: { proposed: 13, recognised: 19, replicated: 27, archived: 0 },
    });
    expect(text).toContain('đăng ký xây dựng 59 mô hình');
    expect(text).toContain('46 mô hình được cấp có thẩm quyền công nhận, 27 mô hình được nhân rộng');
    expect(modelsParagraph({ total: 0, byStatus: { proposed: 0, recognised: 0, replicated: 0, archived: 0 } })).toBe(
      null,
    );
  });

  it('prints the date line as HD 36 does', () => {
    expect(placeAndDate('Cà Mau', '2019-08-20')).toBe('Cà Mau, ngày 20 tháng 8 năm 2019');
    expect(placeAndDate('Cà Mau', '2020-02-05')).toBe('Cà Mau, ngày 05 tháng 02 năm 2020');
    expect(reviewYears('2016-05-15', '2019-08-20')).toBe(3);
  });
});

describe('Party heading and numbering', () => {
  it('heads a provincial document with the Party organisation and the committee', () => {
    expect(partyHeading({ name: 'Tỉnh ủy Cà Mau', kind: 'province', validFrom: '2015-10-01' }, null)).toEqual({
      superior: 'ĐẢNG BỘ TỈNH CÀ MAU',
      issuer: 'TỈNH ỦY',
      symbolIssuer: 'TU',
      place: 'Cà Mau',
    });
  });

  it('heads a commune and a district document under their parent', () => {
    const province = { name: 'Tỉnh ủy Cà Mau', kind: 'province', validFrom: '2025-07-01' };
    expect(partyHeading({ name: 'Đảng ủy xã Đầm Dơi', kind: 'commune', validFrom: '2025-07-01' }, province)).toEqual({
      superior: 'ĐẢNG BỘ TỈNH CÀ MAU',
      issuer: 'ĐẢNG ỦY XÃ ĐẦM DƠI',
      symbolIssuer: 'ĐU',
      place: 'Đầm Dơi',
    });
    expect(
      partyHeading({ name: 'Thành ủy Cà Mau', kind: 'district', validFrom: '2015-01-01' }, province),
    ).toMatchObject({ issuer: 'THÀNH ỦY CÀ MAU', symbolIssuer: 'TU' });
    expect(placeName('Huyện ủy Trần Văn Thời')).toBe('Trần Văn Thời');
  });

  it('runs numbers per committee term, a new unit from its own first day', () => {
    expect(termStart('2019-08-20', '2015-01-01')).toBe('2015-10-01');
    expect(termStart('2020-09-30', '2015-01-01')).toBe('2015-10-01');
    expect(termStart('2020-10-01', '2015-01-01')).toBe('2020-10-01');
    expect(termStart('2025-08-01', '2025-07-01')).toBe('2025-07-01');
    expect(termStart('2026-03-01', '2025-07-01')).toBe('2025-10-01');
    expect(documentSymbol(3, 'BC', 'TU')).toBe('03-BC/TU');
    expect(documentSymbol(12, 'BC', 'TU')).toBe('12-BC/TU');
  });
});

describe('bar chart PNG', () => {
  it('is a valid PNG whose bars have the colours and heights of the values', () => {
    const { png, width, height } = barChartPng([{ values: [10, 5] }], { width: 200, height: 200 });
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(width);
    expect(png.readUInt32BE(20)).toBe(height);
    // Inflate the pixel data back and look at one column through each bar.
    const idat = png.subarray(png.indexOf('IDAT') + 4, png.indexOf('IEND') - 8);
    const raw = zlib.inflateSync(idat);
    const stride = width * 3 + 1;
    const pixel = (x: number, y: number) => [...raw.subarray(y * stride + 1 + x * 3, y * stride + 4 + x * 3)];
    const column = (x: number) => Array.from({ length: height }, (_, y) => pixel(x, y));
    const red = column(80).filter(([r, g]) => r === 178 && g === 34).length;
    const orange = column(120).filter(([r, g]) => r === 230 && g === 160).length;
    expect(red).toBeGreaterThan(0);
    expect(red / orange).toBeCloseTo(2, 1);
  });
});
