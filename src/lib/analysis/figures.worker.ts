/// <reference lib="webworker" />
import { buildBorderIndex, type BorderIndex } from './border-index';
import { computeFigures, type FiguresRequest } from './incident-figures';

/**
 * Computes incident figures off the main thread. The border index is built once and reused
 * for as long as the border stays the same.
 */
let cached: { key: string; index: BorderIndex } | null = null;

self.onmessage = (event: MessageEvent<{ requestId: number; request: FiguresRequest }>) => {
	const { requestId, request } = event.data;
	try {
		const key = JSON.stringify(request.border.coordinates);
		if (cached?.key !== key) cached = { key, index: buildBorderIndex(request.border) };
		const result = computeFigures(request, cached.index);
		const transfer = [
			result.borderDistance.buffer,
			result.nearestBorderLon.buffer,
			result.nearestBorderLat.buffer,
			result.nearestPlace.buffer,
			result.nearestPlaceDistance.buffer
		];
		self.postMessage({ requestId, result }, { transfer });
	} catch (error) {
		self.postMessage({ requestId, error: error instanceof Error ? error.message : String(error) });
	}
};
