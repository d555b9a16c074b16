import type { RecognitionLevel } from '../../../common/models';
import type { Db, DbOrTrx } from '../../db/connection';
import { systemActor } from '../../platform/access';
import { listOrgUnits } from '../org-units/org-units.service';

// The demo's walk down the organisation tree (through the org-units service), with what a title calls each place.

export interface Place {
  id: string;
  kind: string;
  place: string;
  /** The committees above (or at) the unit, by the level that recognises. */
  committees: Partial<Record<RecognitionLevel, string>>;
  siblings: () => Promise<Place[]>;
}

/** `Huyện ủy Đầm Dơi` → `huyện Đầm Dơi`, `Chi bộ ấp 3` → `ấp 3`: how a title names the place. */
function placeOf(name: string): string {
  const rules: [RegExp, string][] = [
    [/^Chi bộ /, ''],
    [/^Đảng ủy (xã|phường|thị trấn|đặc khu) /, '$1 '],
    [/^Huyện ủy /, 'huyện '],
    [/^Thành ủy /, 'thành phố '],
    [/^Thị ủy /, 'thị xã '],
  ];
  const rule = rules.find(([pattern]) => pattern.test(name));
  return rule ? name.replace(rule[0], rule[1]) : '';
}

export class UnitTree {
  private readonly children = new Map<string, Place[]>();
  constructor(
    private readonly db: DbOrTrx,
    private readonly at: string,
  ) {}

  async below(parent: Place): Promise<Place[]> {
    const cached = this.children.get(parent.id);
    if (cached) {
      return cached;
    }
    const units = await listOrgUnits(this.db as Db, systemActor('demo'), {
      parent: parent.id,
      at: this.at,
      limit: 200,
    });
    const places: Place[] = units.map((unit) => {
      const own = placeOf(unit.name);
      const place: Place = {
        id: unit.id,
        kind: unit.kind,
        place: unit.kind === 'cell' && parent.place ? `${own}, ${parent.place}` : own,
        committees: {
          ...parent.committees,
          ...(unit.kind === 'district' || unit.kind === 'commune' ? { [unit.kind]: unit.id } : {}),
        },
        siblings: async () =>
          (await this.below(parent)).filter((other) => other.id !== unit.id && other.kind === unit.kind),
      };
      return place;
    });
    this.children.set(parent.id, places);
    return places;
  }
}
