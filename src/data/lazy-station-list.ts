/**
 * The stations of one load, each made from its feature the first time it is
 * asked for.
 *
 * Why lazily: a load of a million features used to copy every accepted one
 * (`{ ...feature, id }`) up front. Those million young objects made the
 * garbage collector pause for 35–50 ms at a time in the middle of the load,
 * and most of them are never looked at: the map draws from coordinate columns
 * and the list shows a few dozen stations. Pure: no DOM, runs in Node and Workers.
 */
import type { Station } from '../types.js';
import type { PropertyReader } from './property-reader.js';
import type { StationIdIndex } from './station-id-index.js';

/**
 * Station `i` of a load is `{ ...features[featureAt[i]], id: ids.idAt(i) }`,
 * made once and then kept, so every read returns the same object. Its
 * `properties` are the feature's own, or, when they are named or worded
 * the way unions write them (站点名称, 工会驿站), a copy that adds the schema
 * fields (see PropertyReader.readProperties).
 *
 * @example
 * const { list } = runSteps(parseStationColumnsSteps(json));
 * list.at(0).properties.name // '泰山区红门工会驿站'
 */
export class StationList {
  private readonly made: Array<Station | undefined>;

  /**
   * @param features The input features the stations come from (never changed).
   * @param featureAt The feature index of each station, in station order.
   * @param ids The stations' ids, at their station positions.
   * @param reader Reads the schema fields from the features' properties (null: they hold them already).
   */
  constructor(
    private readonly features: readonly unknown[],
    private readonly featureAt: Uint32Array,
    private readonly ids: StationIdIndex,
    private readonly reader: PropertyReader | null,
  ) {
    this.made = new Array(ids.size);
  }

  /** Number of stations. */
  get size(): number {
    return this.made.length;
  }

  /** Station `i`; throws a RangeError unless 0 ≤ i < size. */
  at(i: number): Station {
    if (!(i >= 0 && i < this.made.length)) throw new RangeError(`No station at position ${i} of ${this.made.length}`);
    return (this.made[i] ??= this.make(i));
  }

  private make(i: number): Station {
    const station = { ...(this.features[this.featureAt[i]!] as object), id: this.ids.idAt(i) } as Station;
    if (this.reader) {
      const properties = this.reader.readProperties(station.properties);
      if (properties !== station.properties) station.properties = properties;
    }
    return station;
  }

  /** Every station, in order (made now if they were not yet). */
  all(): Station[] {
    const all = new Array<Station>(this.made.length);
    for (let i = 0; i < all.length; i++) all[i] = this.at(i);
    return all;
  }
}
