import type { ExpressionSpecification } from 'maplibre-gl';

/**
 * The map shows exactly the incidents the filter engine matched (data/filter-engine.ts, in a
 * worker): their mask reaches the renderer as global state, and each feature looks itself up
 * by its id, the incident's index (point-tiles.ts). Changing the filter re-uploads nothing, and the map can never disagree with
 * the counts and the list.
 *
 * The markers read it as a text of one character per incident ('1' shown, '0' hidden; '' for
 * no filter), tested with `slice`: cheap to build and to hand to MapLibre's workers. MapLibre
 * splits the text into characters to slice it, so each lookup costs in proportion to the whole
 * text; that is fine for the marker layers (clusters at low zoom, few incidents a tile), but the
 * density surface reads every incident of a z6 tile (200,000 lookups of a 200,000-character text
 * took minutes). So the density layer has a mask of its own, set only while it is shown: the
 * set of the indices shown or hidden, whichever is fewer (an object keyed by the index as
 * text), a lookup whatever the data's size. Building and handing over that set on every filter
 * change costs more than the text (BENCHMARKS.md, browser), which is why the markers keep the
 * text.
 */
export const MASK_STATE = 'matchMask';
/** The density layer's mask (see above); NO_MASK while the surface is off. */
export const DENSITY_MASK_STATE = 'densityMask';
/** Whether a border-distance filter is set (the fixed bands give way to the filter's band). */
export const DISTANCE_FILTER_STATE = 'distanceFilter';

/** The density layer's mask as the renderer holds it (see above). */
export interface MaskState {
	lists: 'all' | 'shown' | 'hidden';
	set: Record<string, 1>;
}

export const NO_MASK: MaskState = { lists: 'all', set: {} };

export const FILTER_STATE_DEFAULTS = {
	[MASK_STATE]: '',
	[DENSITY_MASK_STATE]: NO_MASK,
	[DISTANCE_FILTER_STATE]: false
};

const mask = ['global-state', MASK_STATE] as ExpressionSpecification;

export const INCIDENT_FILTER: ExpressionSpecification = [
	'any',
	['==', mask, ''],
	['==', ['slice', mask, ['id'], ['+', ['id'], 1]], '1']
];

const densityMask = ['global-state', DENSITY_MASK_STATE] as ExpressionSpecification;
const listed: ExpressionSpecification = ['has', ['to-string', ['id']], ['get', 'set', densityMask]];

export const DENSITY_FILTER: ExpressionSpecification = [
	'match',
	['get', 'lists', densityMask],
	'shown',
	listed,
	'hidden',
	['!', listed],
	true
];

/** The fixed proximity bands show only while no distance filter is set. */
export const NO_DISTANCE_FILTER: ExpressionSpecification = [
	'!',
	['global-state', DISTANCE_FILTER_STATE]
];

const ascii = new TextDecoder('ascii');

/** A 0/1 mask (null: no filter) as the markers' text: '1' shown, '0' hidden. */
export function maskText(mask: Uint8Array | null): string {
	if (!mask) return '';
	const digits = new Uint8Array(mask.length);
	for (let i = 0; i < mask.length; i++) digits[i] = mask[i] ? 49 : 48;
	return ascii.decode(digits);
}

/** A 0/1 mask (null: no filter) as the density layer's set: the fewer of shown and hidden. */
export function maskState(mask: Uint8Array | null): MaskState {
	if (!mask) return NO_MASK;
	let shown = 0;
	for (let i = 0; i < mask.length; i++) if (mask[i]) shown++;
	const lists = shown * 2 <= mask.length ? 'shown' : 'hidden';
	const wanted = lists === 'shown' ? 1 : 0;
	const set: Record<string, 1> = {};
	for (let i = 0; i < mask.length; i++) if ((mask[i] ? 1 : 0) === wanted) set[i] = 1;
	return { lists, set };
}
