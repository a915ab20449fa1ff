import type { ExpressionSpecification } from 'maplibre-gl';

/**
 * The map shows exactly the incidents the filter engine matched (data/filter-engine.ts, in a
 * worker): their mask reaches the renderer as global state, one character per incident ('1'
 * shown, '0' hidden), and each feature tests its own character by its index `i`. Changing the
 * filter re-uploads nothing, and the map can never disagree with the counts and the list.
 * An empty mask means "no filter": everything is shown.
 */
export const MASK_STATE = 'matchMask';
/** Whether a border-distance filter is set (the fixed bands give way to the filter's band). */
export const DISTANCE_FILTER_STATE = 'distanceFilter';

export const FILTER_STATE_DEFAULTS = { [MASK_STATE]: '', [DISTANCE_FILTER_STATE]: false };

const mask = ['global-state', MASK_STATE] as ExpressionSpecification;

export const INCIDENT_FILTER: ExpressionSpecification = [
	'any',
	['==', mask, ''],
	['==', ['slice', mask, ['get', 'i'], ['+', ['get', 'i'], 1]], '1']
];

/** The fixed proximity bands show only while no distance filter is set. */
export const NO_DISTANCE_FILTER: ExpressionSpecification = [
	'!',
	['global-state', DISTANCE_FILTER_STATE]
];

const ascii = new TextDecoder('ascii');

/** A 0/1 mask as the renderer's mask text (fast: bytes to ASCII digits, then one decode). */
export function maskText(mask: Uint8Array): string {
	const digits = new Uint8Array(mask.length);
	for (let i = 0; i < mask.length; i++) digits[i] = mask[i] ? 49 : 48;
	return ascii.decode(digits);
}
