import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IncidentCollection } from './incident';
import { targetCategory } from './target-category';

const strikes = (
	JSON.parse(
		readFileSync(join(import.meta.dirname, '../../../geodata/incidents/strikes.geojson'), 'utf8')
	) as IncidentCollection
).features;

describe('targetCategory', () => {
	it('takes the category named first in the sentence', () => {
		const cases: [string, string][] = [
			['IS headquarters/facilities said to be used to prepare car bombs', 'headquarters'],
			['Meeting of IS commanders at a command post about 10 km inside Syria', 'gathering'],
			["IS 'logistic headquarters' / command and logistics-support centre", 'headquarters'],
			[
				'Two sites: a headquarters of IS leaders and an explosives/missile (rocket) depot',
				'headquarters'
			],
			['Command-and-control centre holding IS leaders and fighters', 'headquarters'],
			["IS 'operations room'/meeting of alleged would-be suicide bombers", 'headquarters'],
			['IS weapons depot said to hold 10 fighters plus rockets and explosives', 'weapons depot'],
			['Two buildings used by senior IS leaders as meeting places', 'building'],
			['Two-storey house used by IS as a shelter and meeting place', 'building'],
			['IS positions including a meeting site of IS leaders', 'fighters and positions'],
			[
				'IS fighters in the Baghouz enclave (SOHR: residential buildings hit)',
				'fighters and positions'
			],
			['A convoy of IS vehicles', 'vehicle'],
			['A car carrying IS commanders', 'vehicle']
		];
		for (const [sentence, category] of cases)
			expect(targetCategory(sentence), sentence).toBe(category);
	});

	it('does not take a car bomb for a vehicle, nor a word inside another', () => {
		expect(targetCategory('a workshop making car bombs')).toBe('other');
		expect(targetCategory('a car-bomb factory')).toBe('other');
		expect(targetCategory('the database of the basement')).toBe('other');
	});

	it('gives no category without a target, and "other" when no keyword fits', () => {
		expect(targetCategory(null)).toBeNull();
		expect(targetCategory('  ')).toBeNull();
		expect(targetCategory('a bridge')).toBe('other');
	});

	it('gives the built-in strikes categories that repeat, and keeps each sentence', () => {
		const counts: Record<string, number> = {};
		for (const { properties: p } of strikes) {
			expect(p.target_category, p.id).toBe(targetCategory(p.target));
			expect(typeof p.target, p.id).toBe('string');
			counts[p.target_category ?? ''] = (counts[p.target_category ?? ''] ?? 0) + 1;
		}
		expect(counts).toEqual({
			headquarters: 6,
			gathering: 2,
			building: 3,
			'weapons depot': 1,
			'fighters and positions': 2
		});
	});
});
