/**
 * Deterministic randomness for demo data: the same seed gives the same records on every start, so a demo figure
 * quoted in a document or a test stays true.
 */
export class SeededRandom {
  private state: number;

  constructor(seed: number | string) {
    this.state = typeof seed === 'number' ? seed >>> 0 : hashString(seed);
    if (this.state === 0) {
      this.state = 0x9e3779b9;
    }
  }

  /** A float in [0, 1) (mulberry32). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  /** A date between two ISO dates, inclusive. */
  date(from: string, to: string): string {
    const start = Date.parse(`${from}T00:00:00Z`);
    const end = Date.parse(`${to}T00:00:00Z`);
    return new Date(start + this.int(0, Math.round((end - start) / 86_400_000)) * 86_400_000)
      .toISOString()
      .slice(0, 10);
  }
}

function hashString(text: string): number {
  let hash = 2_166_136_261;
  for (let i = 0; i < text.length; i++) {
    hash = Math.imul(hash ^ text.charCodeAt(i), 16_777_619);
  }
  return hash >>> 0;
}

const FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Huỳnh',
  'Hoàng',
  'Võ',
  'Phan',
  'Trương',
  'Bùi',
  'Đặng',
  'Đỗ',
  'Ngô',
  'Hồ',
  'Dương',
  'Lý',
  'Lâm',
  'Tô',
  'Quách',
  'Châu',
];
const MIDDLE_MALE = ['Văn', 'Thanh', 'Minh', 'Quốc', 'Hoàng', 'Hữu', 'Công', 'Đức', 'Ngọc', 'Trung'];
const MIDDLE_FEMALE = ['Thị', 'Ngọc', 'Thu', 'Thanh', 'Kim', 'Mỹ', 'Hồng', 'Bích', 'Diễm', 'Thúy'];
const GIVEN_MALE = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Hải',
  'Hùng',
  'Khải',
  'Lộc',
  'Nam',
  'Phong',
  'Quang',
  'Sơn',
  'Tâm',
  'Thắng',
  'Toàn',
  'Trí',
  'Tuấn',
  'Việt',
  'Vinh',
  'Khánh',
];
const GIVEN_FEMALE = [
  'Anh',
  'Chi',
  'Duyên',
  'Hà',
  'Hạnh',
  'Hoa',
  'Hương',
  'Lan',
  'Linh',
  'Loan',
  'Mai',
  'Nga',
  'Nhung',
  'Phượng',
  'Quyên',
  'Thảo',
  'Trang',
  'Tuyết',
  'Vân',
  'Yến',
];

/** A realistic Vietnamese full name (family, middle and given names of one gender). */
export function vietnameseName(random: SeededRandom): string {
  const isFemale = random.chance(0.45);
  const middle = random.pick(isFemale ? MIDDLE_FEMALE : MIDDLE_MALE);
  const given = random.pick(isFemale ? GIVEN_FEMALE : GIVEN_MALE);
  return `${random.pick(FAMILY)} ${middle} ${given}`;
}
