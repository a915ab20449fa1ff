import type { ExpressionSpecification } from 'maplibre-gl';

/**
 * The map shows exactly the incidents the filter engine matched (data/filter-engine.ts, in a
 * worker): their mask reaches the renderer as global state, and each feature looks itself up
 * by its index `i`. Changing the filter re-uploads nothing, and the map can never disagree with
 * the counts and the list.
 *
 * The state is a set of indices (an object keyed by the index as text) and what it lists: the
 * incidents shown, or those hidden, whichever is fewer; `all` means "no filter". A lookup costs
 * the same whatever the data's size. (A text of one character per incident, tested with
 * `slice`, cost time in proportion to the whole text for every feature, because MapLibre
 * splits the text into characters to slice it: a z6 tile of 200,000 incidents took minutes.)
 */
export const MASK_STATE = 'matchMask';
/** Whether a border-distance filter is set (the fixed bands give way to the filter's band). */
export const DISTANCE_FILTER_STATE = 'distanceFilter';

/** The mask as the renderer holds it (see above). */
export interface MaskState {
	lists: 'all' | 'shown' | 'hidden';
	set: Record<string, 1>;
}

export const NO_MASK: MaskState = { lists: 'all', set: {} };

export const FILTER_STATE_DEFAULTS = { [MASK_STATE]: NO_MASK, [DISTANCE_FILTER_STATE]: false };

const mask = ['global-state', MASK_STATE] as ExpressionSpecification;
const listed: ExpressionSpecification = ['has', ['to-string', ['get', 'i']], ['get', 'set', mask]];

export const INCIDENT_FILTER: ExpressionSpecification = [
	'match',
	['get', 'lists', mask],
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

/** A 0/1 mask (null: no filter) as the renderer's state: the fewer of shown and hidden. */
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
