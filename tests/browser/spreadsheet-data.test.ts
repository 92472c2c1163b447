/**
 * Station data as unions keep it: a GBK-encoded CSV with Chinese headers and values, saved by
 * Excel on Chinese Windows, loaded through `src`, through `.stations` bytes and inline
 * `<script type="text/csv">`. Types, services and filter chips work on it; `station-select`
 * hands back the original Chinese-keyed row; skipped rows are counted and explained.
 */
import { expect } from '@esm-bundle/chai';
import '../../src/index.js';
import type { StationMap } from '../../src/station-map.js';
import { cleanup, fixture, markers, nextEvent, shadow, waitFor } from './helpers.js';

const GBK_URL = '/tests/fixtures/table/union-stations.gbk.csv';

function listNames(el: StationMap): string[] {
  return [...shadow(el).querySelectorAll('.list-view button.item .name')].map((n) => n.textContent!.trim());
}

function chip(el: StationMap, label: string): HTMLButtonElement {
  const found = [...shadow(el).querySelectorAll<HTMLButtonElement>('button.chip')].find((b) => b.textContent!.trim() === label);
  if (!found) throw new Error(`no chip "${label}"`);
  return found;
}

/** What every way of loading the fixture must show. */
async function expectUnionData(el: StationMap, loaded: CustomEvent) {
  expect(loaded.detail.count).to.equal(5);
  expect(loaded.detail.skipped.map((s: { row: number; reason: string }) => [s.row, s.reason])).to.deep.equal([
    [7, 'missing-geometry'],
    [8, 'missing-name'],
    [9, 'duplicate-id'],
    [10, 'bad-coordinates'],
  ]);
  await el.updateComplete;
  await waitFor(() => markers(el).pins.length + markers(el).clusters.length > 0, 8000, 'markers');
  await waitFor(() => listNames(el).length === 5, 8000, 'five listed');
  // The type of each station reads from 站点类型 (工会驿站, 職工書屋 …): no station is "other".
  const metas = [...shadow(el).querySelectorAll('.list-view button.item .meta')].map((m) => m.textContent!);
  expect(metas.join(' ')).not.to.contain('其他');

  // Type chip: only the 工会驿站.
  chip(el, '工会驿站').click();
  await waitFor(() => listNames(el).length === 1, 4000, 'one union station');
  expect(listNames(el)).to.deep.equal(['泰山区红门工会驿站']);
  chip(el, '工会驿站').click();
  await waitFor(() => listNames(el).length === 5, 4000, 'all back');
  // Service chip: 手机充电 / 充电 in 服务项目, split from "饮水、热水、如厕、手机充电" and "饮水 热水 如厕 充电 …".
  chip(el, '手机充电').click();
  await waitFor(() => listNames(el).length === 2, 4000, 'two with charging');
  expect(listNames(el).sort()).to.deep.equal(['泰山区红门工会驿站', '货运司机之家'].sort());
  chip(el, '手机充电').click();
  await waitFor(() => listNames(el).length === 5, 4000, 'all back again');

  // station-select hands back the row as the spreadsheet has it, plus the schema's fields.
  const selected = nextEvent(el, 'station-select');
  const row = [...shadow(el).querySelectorAll<HTMLButtonElement>('.list-view button.item')].find((b) => b.textContent!.includes('红门'))!;
  row.click();
  const { detail } = await selected;
  expect(detail.id).to.equal('TA-0391');
  expect(detail.station.properties).to.deep.include({
    站点编号: 'TA-0391',
    站点名称: '泰山区红门工会驿站',
    站点类型: '工会驿站',
    服务项目: '饮水、热水、如厕、手机充电',
    经度: '117.1306',
    联系电话: '0538-6231234',
    type: 'union-station',
  });
  expect(detail.station.properties.services).to.deep.equal(['water', 'hot-water', 'toilet', 'charging']);
  await el.updateComplete;
  const panel = shadow(el).querySelector('.detail')!;
  expect(panel.textContent).to.contain('泰安市泰山区红门路1号，红门广场东侧');
  expect(panel.textContent).to.contain('张伟');
  expect(panel.querySelector('a[href^="tel:"]')).to.not.equal(null);
}

describe('spreadsheet data (GBK CSV)', () => {
  afterEach(cleanup);

  it('loads a GBK CSV through src, and says in Chinese which rows were skipped and why', async () => {
    const errors: CustomEvent[] = [];
    document.addEventListener('station-map-error', (e) => errors.push(e as CustomEvent));
    const loaded = new Promise<CustomEvent>((resolve) => document.addEventListener('stations-load', (e) => resolve(e as CustomEvent), { once: true }));
    const el = await fixture(`<station-map basemap="none" lang="zh-CN" src="${GBK_URL}"></station-map>`);
    await expectUnionData(el, await loaded);
    const status = shadow(el).querySelector('[part="status"]')!.textContent!;
    expect(status).to.contain('5 个站点');
    expect(status).to.contain('跳过 4 行');
    expect(status).to.contain('缺少坐标 1 行（第 7 行）');
    expect(status).to.contain('编号重复 1 行（第 9 行）');
    const error = errors.find((e) => e.detail.code === 'invalid-features')!;
    expect(error.detail.message).to.match(/^跳过 4 行：/);
    expect(error.detail.message).to.contain('Row 8 ("TA-0397") has no name');
  });

  it('loads the same bytes handed to .stations (ArrayBuffer), and inline <script type="text/csv">', async () => {
    const bytes = await (await fetch(GBK_URL)).arrayBuffer();
    const el = await fixture('<station-map basemap="none" lang="zh-CN"></station-map>');
    const loaded = nextEvent(el, 'stations-load');
    el.stations = bytes;
    await expectUnionData(el, await loaded);
    cleanup();

    // A CMS editor pastes the sheet into the page (the page's own encoding, here UTF-8 text).
    const text = new TextDecoder('gb18030').decode(bytes);
    const container = document.createElement('div');
    container.className = 'fixture';
    container.innerHTML = `<station-map basemap="none" lang="zh-TW"><script type="text/csv">\n${text}</script></station-map>`;
    const inline = nextEvent(container, 'stations-load');
    document.body.append(container);
    const el2 = container.querySelector('station-map')!;
    const event = await inline;
    expect(event.detail.count).to.equal(5);
    await el2.updateComplete;
    // Taiwan wording: 列 for a row.
    expect(shadow(el2).querySelector('[part="status"]')!.textContent).to.contain('略過 4 列');
  });

  it('reads headers it does not know through the fields property', async () => {
    const el = await fixture('<station-map basemap="none" lang="en"></station-map>');
    el.fields = { name: '驿站全称', lng: '东经', lat: '北纬' };
    const loaded = nextEvent(el, 'stations-load');
    el.stations = '编号,驿站全称,东经,北纬,服务\nA1,红门驿站,117.1,36.2,饮水\n';
    const event = await loaded;
    expect(event.detail.count).to.equal(1);
    await waitFor(() => listNames(el).length === 1, 4000, 'listed');
    expect(listNames(el)).to.deep.equal(['红门驿站']);
  });
});
