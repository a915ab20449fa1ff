/// <reference lib="webworker" />
import type { LineString, MultiLineString } from 'geojson';
import { borderModel, type BorderModel } from './border';
import { borderBand } from './border-band';
import { computeFigures, transferables, type FiguresRequest } from './incident-figures';

/**
 * Border analysis off the main thread: incident figures, and the band within X km of the
 * border for the distance filter. The border model (line index and side shapes) is built once
 * and reused while the border stays the same.
 */
export type AnalysisMessage =
	| { requestId: number; type: 'figures'; request: FiguresRequest }
	| { requestId: number; type: 'band'; border: LineString | MultiLineString; km: number };

let cached: { key: string; model: BorderModel } | null = null;

self.onmessage = (event: MessageEvent<AnalysisMessage>) => {
	const message = event.data;
	try {
		if (message.type === 'band') {
			self.postMessage({
				requestId: message.requestId,
				result: borderBand(message.border, message.km)
			});
			return;
		}
		const { request } = message;
		const key = JSON.stringify(request.border.coordinates);
		if (cached?.key !== key) cached = { key, model: borderModel(request.border, request.sides) };
		const result = computeFigures(request, cached.model);
		// Without ids, both ways: the page keeps them (AnalysisClient puts them back).
		self.postMessage(
			{ requestId: message.requestId, result: { ...result, ids: [] } },
			{ transfer: transferables(result) }
		);
	} catch (error) {
		self.postMessage({
			requestId: message.requestId,
			error: error instanceof Error ? error.message : String(error)
		});
	}
};
