import { describe, expect, it } from 'vitest';
import { exportSize, previewSize } from './presets';

describe('export sizes', () => {
	it('gives each preset its pixel size, multiplied by the ratio', () => {
		const size = (id: string, ratio = 1) => {
			const s = exportSize(id, { width: 0, height: 0 }, ratio);
			return [s.width, s.height];
		};
		expect(size('hd')).toEqual([1920, 1080]);
		expect(size('square')).toEqual([1080, 1080]);
		expect(size('portrait')).toEqual([1080, 1350]);
		expect(size('4k')).toEqual([3840, 2160]);
		expect(size('4k', 2)).toEqual([7680, 4320]);
		expect(size('a4')).toEqual([3508, 2480]);
	});

	it('draws 4K as the HD layout at twice the detail, and A4 as a 96-dpi page', () => {
		const k = exportSize('4k', { width: 0, height: 0 }, 1);
		expect([k.layoutWidth, k.layoutHeight]).toEqual([1920, 1080]);
		expect(k.pixelRatio).toBeCloseTo(2, 6);
		const a4 = exportSize('a4', { width: 0, height: 0 }, 2);
		expect([a4.layoutWidth, a4.layoutHeight]).toEqual([1123, 794]);
	});

	it('never leaves the drawn canvas a pixel short of the image', () => {
		for (const id of ['hd', 'square', 'portrait', '4k', 'a4']) {
			for (const ratio of [1, 2, 3, 4]) {
				const s = exportSize(id, { width: 0, height: 0 }, ratio);
				expect(Math.floor(s.layoutWidth * s.pixelRatio)).toBeGreaterThanOrEqual(s.width);
				expect(Math.floor(s.layoutHeight * s.pixelRatio)).toBeGreaterThanOrEqual(s.height);
				expect(Math.floor(s.layoutWidth * s.pixelRatio)).toBeLessThanOrEqual(s.width + 3);
			}
		}
	});

	it('previews the same layout with fewer pixels', () => {
		const p = previewSize(exportSize('4k', { width: 0, height: 0 }, 2), 960);
		expect([p.width, p.height, p.layoutWidth]).toEqual([960, 540, 1920]);
		expect(p.pixelRatio).toBeCloseTo(0.5, 6);
	});

	it('clamps custom sizes to what can be drawn', () => {
		const s = exportSize('custom', { width: 1234.4, height: 99999 }, 1);
		expect([s.width, s.height]).toEqual([1234, 8192]);
		expect(s.pixelRatio).toBeCloseTo(1, 6);
	});
});
