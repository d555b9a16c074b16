import { describe, expect, it } from 'vitest';
import { SeededRandom, vietnameseName } from './random';

describe('SeededRandom', () => {
  it('repeats itself for the same seed and differs for another', () => {
    const a = new SeededRandom('ca-mau');
    const b = new SeededRandom('ca-mau');
    const c = new SeededRandom('bac-lieu');
    const seqA = Array.from({ length: 5 }, () => a.int(1, 1000));
    expect(Array.from({ length: 5 }, () => b.int(1, 1000))).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.int(1, 1000))).not.toEqual(seqA);
  });

  it('keeps dates and integers within bounds', () => {
    const random = new SeededRandom(7);
    for (let i = 0; i < 500; i++) {
      const day = random.date('2016-05-15', '2019-08-20');
      expect(day >= '2016-05-15' && day <= '2019-08-20').toBe(true);
      const n = random.int(6, 14);
      expect(n).toBeGreaterThanOrEqual(6);
      expect(n).toBeLessThanOrEqual(14);
    }
  });

  it('makes three-part Vietnamese names', () => {
    const name = vietnameseName(new SeededRandom(1));
    expect(name.split(' ')).toHaveLength(3);
  });
});
