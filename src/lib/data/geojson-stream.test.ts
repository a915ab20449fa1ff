import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '$lib/data/testing/random';
import { FeatureCollectionSplitter, type StreamPart } from './geojson-stream';

function split(text: string, cuts: number[]): StreamPart[] {
	const splitter = new FeatureCollectionSplitter();
	const parts: StreamPart[] = [];
	let at = 0;
	for (const cut of [...cuts, text.length]) {
		parts.push(...splitter.push(text.slice(at, cut)));
		at = cut;
	}
	splitter.end();
	return parts;
}

const strikes = readFileSync(
	join(import.meta.dirname, '../../../geodata/incidents/strikes.geojson'),
	'utf8'
);
const tricky = JSON.stringify({
	type: 'FeatureCollection',
	name: 'a "quoted" \\ name, with } and ]',
	features: [
		{
			type: 'Feature',
			properties: { note: '{"not": ["json"]}', n: -1.5e3, ok: true, none: null },
			geometry: null
		},
		{
			type: 'Feature',
			properties: { ar: 'هجين', esc: 'tab\t"q"' },
			geometry: { type: 'Point', coordinates: [40.8, 34.7] }
		}
	],
	count: 2,
	flag: false
});

describe('FeatureCollectionSplitter', () => {
	it('gives each feature and member as its own JSON text, in order', () => {
		const parts = split(tricky, []);
		expect(
			parts.map((p) =>
				p.kind === 'member' ? p.key : p.kind === 'feature' ? `feature ${p.index}` : p.kind
			)
		).toEqual([
			'type',
			'name',
			'features-start',
			'feature 0',
			'feature 1',
			'features-end',
			'count',
			'flag'
		]);
		const original = JSON.parse(tricky);
		expect(parts.filter((p) => p.kind === 'feature').map((p) => JSON.parse(p.json))).toEqual(
			original.features
		);
		expect(JSON.parse((parts[1] as { json: string }).json)).toBe(original.name);
		expect((parts[6] as { json: string }).json).toBe('2');
	});

	it('gives the same parts wherever the chunks are cut (property test)', () => {
		const random = seededRandom(11);
		for (const text of [tricky, strikes]) {
			const whole = split(text, []);
			for (let trial = 0; trial < 200; trial++) {
				const cuts = Array.from({ length: 1 + Math.floor(random() * 40) }, () =>
					Math.floor(random() * text.length)
				).sort((a, b) => a - b);
				expect(split(text, cuts)).toEqual(whole);
			}
			// One character at a time, the worst case.
			expect(
				split(
					text,
					Array.from({ length: text.length - 1 }, (_, i) => i + 1)
				)
			).toEqual(whole);
		}
	});

	it('reads the shipped strikes file feature by feature', () => {
		const features = split(strikes, [1000, 5000]).filter((p) => p.kind === 'feature');
		expect(features).toHaveLength(14);
		expect(JSON.parse(features[1]!.json).id).toBe('IQ-SY-002');
	});

	it('says what is wrong with a file that is not a whole FeatureCollection', () => {
		const error = (text: string) => {
			try {
				split(text, []);
				return null;
			} catch (e) {
				return (e as Error).message;
			}
		};
		expect(error('')).toBe('the file is empty');
		expect(error(strikes.slice(0, 3000))).toMatch(
			/the file ends early \(truncated JSON after \d+ features\)/
		);
		expect(error('[1, 2]')).toBe('GeoJSON must be an object (a FeatureCollection)');
		expect(error('{"type": "Feature", "geometry": null}')).toBe(
			'expected a FeatureCollection, found type "Feature"'
		);
		expect(error('{"type": "FeatureCollection"}')).toBe('"features" is missing');
		expect(error('{"type": "FeatureCollection", "features": [1]}')).toBe(
			'feature 1 is not an object'
		);
		expect(error('{"type": "FeatureCollection", "features": []} x')).toBe(
			'text after the end of the FeatureCollection'
		);
	});
});
