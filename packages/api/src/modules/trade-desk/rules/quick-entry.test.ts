import { describe, expect, it } from 'vitest';
import { parseQuickEntry, type QuickEntryMasters } from './quick-entry';

const MASTERS: QuickEntryMasters = {
  commodities: [{ id: 'cotton', name: 'Cotton', aliases: ['kapas', 'lint'] }],
  varieties: [
    { id: 'v-s6', name: 'Shankar-6', aliases: ['S-6'], commodityId: 'cotton' },
    { id: 'v-dch', name: 'DCH-32', commodityId: 'cotton' },
    { id: 'v-mcu', name: 'MCU-5', commodityId: 'cotton' },
  ],
  certificateTypes: [
    { id: 'ORGANIC', name: 'Organic' },
    { id: 'BCI', name: 'BCI', aliases: ['Better Cotton'] },
  ],
  stations: [
    { id: 'st-rajkot', name: 'Rajkot', stateCode: '24' },
    { id: 'st-akola', name: 'Akola', stateCode: '27' },
    { id: 'st-aur-mh', name: 'Aurangabad', stateCode: '27' },
    { id: 'st-aur-br', name: 'Aurangabad', stateCode: '10' },
  ],
  deliveryTerms: [
    { id: 'dt-gin', name: 'Ex-Gin', days: 0 },
    { id: 'dt-door', name: 'Door Delivery', days: 30 },
    { id: 'dt-for', name: 'FOR', days: 5 },
  ],
  paymentTerms: [
    { id: 'pt-adv', name: 'Advance', days: 0 },
    { id: 'pt-ad', name: 'Against Delivery', days: 0 },
    { id: 'pt-c30', name: 'Credit', days: 30 },
    { id: 'pt-c60', name: 'Credit', days: 60 },
    { id: 'pt-c90', name: 'Credit', days: 90 },
  ],
  parameters: [
    { name: 'staple', aliases: ['staple length', 'length'], mandatory: true },
    { name: 'micronaire', aliases: ['mic', 'mike'], mandatory: true },
    { name: 'strength', aliases: ['gtex'], mandatory: true },
    { name: 'trash' },
    { name: 'moisture' },
  ],
};

describe('parseQuickEntry', () => {
  it('parses the DOMAIN §6.1 example', () => {
    const r = parseQuickEntry(
      'Need 500 bales organic Shankar-6 staple 28-30 mic 3.8-4.5 at 52000 per candy delivered Rajkot, 30 days credit',
      MASTERS,
    );
    expect(r.fields).toEqual({
      commodity: { id: 'cotton', name: 'Cotton' },
      variety: { id: 'v-s6', name: 'Shankar-6' },
      quantity: '500.000',
      targetPrice: '52000.00',
      certificates: [{ id: 'ORGANIC', name: 'Organic' }],
      parameters: { staple: { min: 28, max: 30 }, micronaire: { min: 3.8, max: 4.5 } },
      station: { id: 'st-rajkot', name: 'Rajkot', stateCode: '24' },
      paymentTerm: { id: 'pt-c30', name: 'Credit' },
    });
    expect(r.missing).toEqual(['deliveryTerm', 'parameter:strength']);
    expect(r.unrecognised).toEqual([]);
    expect(r.ambiguities).toEqual([]);
  });

  it('is deterministic', () => {
    const s = 'Need 500 bales organic Shankar-6 staple 28-30 mic 3.8-4.5 at 52000 per candy delivered Rajkot, 30 days credit';
    expect(parseQuickEntry(s, MASTERS)).toEqual(parseQuickEntry(s, MASTERS));
  });

  it('reads multi-word names, aliases, Indian digit grouping and min/max bounds', () => {
    const r = parseQuickEntry(
      'urgent 1,200 bales S-6 better cotton door delivery Akola against delivery @ 51,500 trash max 3 gtex min 29',
      MASTERS,
    );
    expect(r.fields).toMatchObject({
      variety: { id: 'v-s6' },
      quantity: '1200.000',
      targetPrice: '51500.00',
      certificates: [{ id: 'BCI' }],
      deliveryTerm: { id: 'dt-door' },
      paymentTerm: { id: 'pt-ad' },
      station: { id: 'st-akola' },
      urgency: 'URGENT',
      parameters: { trash: { max: 3 }, strength: { min: 29 } },
    });
    expect(r.unrecognised).toEqual([]);
  });

  it('reports ambiguous input instead of choosing', () => {
    const r = parseQuickEntry('500 bales DCH-32 delivered Aurangabad on credit mic 4.2', MASTERS);
    expect(r.fields.station).toBeUndefined();
    expect(r.fields.paymentTerm).toBeUndefined();
    expect(r.fields.parameters.micronaire).toBeUndefined();
    expect(r.ambiguities).toEqual([
      { field: 'parameter:micronaire', text: 'mic 4.2', candidates: ['a range such as 28-30', 'min …', 'max …'] },
      { field: 'station', text: 'Aurangabad', candidates: ['station: Aurangabad', 'station: Aurangabad'] },
      { field: 'paymentTerm', text: 'credit', candidates: ['paymentTerm: Credit', 'paymentTerm: Credit', 'paymentTerm: Credit'] },
    ]);
    expect(r.missing).toEqual(expect.arrayContaining(['deliveryLocation', 'paymentTerm', 'parameter:micronaire']));
  });

  it('reports a field stated twice with different values', () => {
    const r = parseQuickEntry('500 bales Shankar-6 DCH-32 then 600 bales', MASTERS);
    expect(r.fields.quantity).toBeUndefined();
    expect(r.fields.variety).toBeUndefined();
    expect(r.ambiguities.map((a) => a.field).sort()).toEqual(['quantity', 'variety']);
    expect(r.unrecognised).toEqual(['then']);
  });

  it('matches an all-caps term that is also an English word only when typed in capitals', () => {
    expect(parseQuickEntry('100 bales for Rajkot', MASTERS).fields.deliveryTerm).toBeUndefined();
    expect(parseQuickEntry('100 bales FOR Rajkot', MASTERS).fields.deliveryTerm).toEqual({ id: 'dt-for', name: 'FOR' });
  });

  it('lists words it does not know and never invents a price unit', () => {
    const r = parseQuickEntry('500 bales Suvin at 140 per kg', MASTERS);
    expect(r.fields.targetPrice).toBeUndefined();
    expect(r.fields.variety).toBeUndefined();
    expect(r.unrecognised).toEqual(['Suvin', '140', 'kg']);
    expect(r.missing).toContain('variety');
  });

  it('returns everything missing for an empty sentence', () => {
    const r = parseQuickEntry('', MASTERS);
    expect(r.missing).toEqual([
      'commodity',
      'variety',
      'quantity',
      'deliveryLocation',
      'deliveryTerm',
      'paymentTerm',
      'parameter:staple',
      'parameter:micronaire',
      'parameter:strength',
    ]);
  });
});
