import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The folders of src/lib depend one way (src/lib/README.md); the lint rule that says so is
 * checked here against deliberate wrong-way imports, so a config change cannot silently drop it.
 */
const eslint = new ESLint({ cwd: new URL('..', import.meta.url).pathname });

async function problems(file: string, code: string): Promise<string[]> {
	const [result] = await eslint.lintText(code, { filePath: file });
	return (result?.messages ?? [])
		.filter((message) => message.ruleId === '@typescript-eslint/no-restricted-imports')
		.map((message) => message.message);
}

describe('the one-way folder rule', () => {
	it('refuses an import from a folder above', async () => {
		expect(
			await problems(
				'src/lib/state/wrong-way.ts',
				"import { DEFAULT_BOUNDS } from '$lib/map/view';\nexport const b = DEFAULT_BOUNDS;\n"
			)
		).toEqual([expect.stringContaining('src/lib/state sits below src/lib/map')]);
		expect(
			await problems(
				'src/lib/data/import/wrong-way.ts',
				"import { FilterState } from '../../state/filters.svelte';\nexport const f = FilterState;\n"
			)
		).toEqual([expect.stringContaining('src/lib/data sits below src/lib/state')]);
		expect(
			await problems(
				'src/lib/analysis/wrong-way.ts',
				"import type { ExportSize } from '$lib/export/presets';\nexport type S = ExportSize;\n"
			)
		).toEqual([expect.stringContaining('src/lib/analysis sits below src/lib/export')]);
	}, 60_000);

	it('lets export/ name the map style’s types, and nothing else of map/', async () => {
		const types = "import type { Theme } from '$lib/map/style/theme';\nexport type T = Theme;\n";
		expect(await problems('src/lib/export/fine.ts', types)).toEqual([]);
		const value = "import { LIGHT } from '$lib/map/style/theme';\nexport const t = LIGHT;\n";
		expect(await problems('src/lib/export/wrong-way.ts', value)).not.toEqual([]);
		const other =
			"import type { MapContext } from '$lib/map/map-context.svelte';\nexport type M = MapContext;\n";
		expect(await problems('src/lib/export/wrong-way.ts', other)).not.toEqual([]);
	}, 60_000);

	it('allows imports downwards, and MapLibre only in map/', async () => {
		expect(
			await problems(
				'src/lib/ui/fine.ts',
				"import { getMapContext } from '$lib/map/map-context.svelte';\nexport const g = getMapContext;\n"
			)
		).toEqual([]);
		expect(
			await problems(
				'src/lib/ui/wrong-way.ts',
				"import { Map } from 'maplibre-gl';\nexport const m = Map;\n"
			)
		).toEqual([expect.stringContaining('Only src/lib/map may import maplibre-gl')]);
		expect(
			await problems(
				'src/lib/map/fine.ts',
				"import { Map } from 'maplibre-gl';\nexport const m = Map;\n"
			)
		).toEqual([]);
	}, 60_000);
});
