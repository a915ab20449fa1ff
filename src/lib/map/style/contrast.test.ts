import { describe, expect, it } from 'vitest';
import { blend, contrast } from './contrast';
import { densityFade } from './density';
import { APPROXIMATE_DATE_OPACITY, incidentLayers } from './incidents';
import { DARK, LIGHT, type Theme } from './theme';

/** Every colour the ground can have under a marker: each fill, under each stack of bands. */
function grounds(theme: Theme): string[] {
	const fills = [theme.land, theme.iraq, theme.syria, theme.neighbour, theme.urban, theme.playa];
	const stacks = [[], theme.bands.slice(2), theme.bands.slice(1), theme.bands];
	return fills.flatMap((fill) =>
		stacks.map((stack) =>
			stack.reduceRight((ground, band) => blend(band.colour, band.opacity, ground), fill)
		)
	);
}

function weakest(colours: string[], theme: Theme) {
	let worst = { ratio: Infinity, pair: '' };
	for (const colour of colours) {
		for (const ground of [...grounds(theme), theme.water]) {
			const ratio = contrast(colour, ground);
			if (ratio < worst.ratio) worst = { ratio, pair: `${colour} on ${ground}` };
		}
	}
	return worst;
}

it('the contrast of black on white is 21, of a colour with itself 1', () => {
	expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
	expect(contrast('#b3261e', '#b3261e')).toBe(1);
});

describe.each([LIGHT, DARK])(
	'contrast on the $name map (WCAG 1.4.11: graphics at 3:1)',
	(theme) => {
		it('every marker colour stands out from every ground', () => {
			const worst = weakest([theme.incident, theme.cluster, ...theme.datasetColours], theme);
			expect(worst.ratio, worst.pair).toBeGreaterThanOrEqual(3);
		});

		it('a faded marker (dated to a week or month) keeps a full-colour outline', () => {
			const layer = incidentLayers(theme).find((candidate) => candidate.id === 'incident-points');
			const paint = (layer && 'paint' in layer ? layer.paint : {}) as Record<string, unknown>;
			// The fill fades; the outline of an approximate date is the marker's own colour at full
			// strength (checked above), not white and not faded (the density view fades the whole
			// marker out when zoomed out, style/density.ts, and leaves it as it is otherwise).
			expect(paint['circle-opacity']).toEqual(
				densityFade([
					'case',
					['to-boolean', ['get', 'approximate_date']],
					APPROXIMATE_DATE_OPACITY,
					1
				])
			);
			expect(paint['circle-stroke-opacity']).toEqual(densityFade(1));
			const [, when, outline] = paint['circle-stroke-color'] as unknown[];
			expect(JSON.stringify(when)).toContain('approximate_date');
			expect((outline as unknown[])[0]).toBe('match');
		});

		it('the selection ring and the border line stand out from every ground', () => {
			for (const colour of [theme.selection, theme.border]) {
				const worst = weakest([colour], theme);
				expect(worst.ratio, worst.pair).toBeGreaterThanOrEqual(3);
			}
		});
	}
);
