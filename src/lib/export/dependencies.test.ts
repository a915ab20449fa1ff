import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Exporting must not depend on MapLibre: the map module draws the map and hands it over in a
// shape defined here (rendered-map.ts). Only the style's types (theme, legend) may be shared.
const folder = new URL('./', import.meta.url);
const sources = readdirSync(folder).filter(
	(name) => name.endsWith('.ts') && !name.includes('.test.')
);

function mapImports(source: string): string[] {
	return [...source.matchAll(/^(?:import|export)\s[^;]*?from\s+'([^']+)';/gms)]
		.filter(([, specifier]) => /(\$lib|\.\.)\/map\//.test(specifier ?? ''))
		.map(([statement]) => statement.replace(/\s+/g, ' '));
}

describe('src/lib/export', () => {
	it('imports from src/lib/map only the types of the style (theme, legend)', () => {
		const offending = sources.flatMap((name) =>
			mapImports(readFileSync(new URL(name, folder), 'utf8'))
				.filter((statement) => !/^import type .* from '\$lib\/map\/style\/[^']+';$/.test(statement))
				.map((statement) => `${name}: ${statement}`)
		);
		expect(sources.length).toBeGreaterThan(0);
		expect(offending).toEqual([]);
	});
});
