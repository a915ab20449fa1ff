// Loaded into MapLibre's workers (importScriptInWorkers, map-controller.svelte.ts). MapLibre's
// workers hand every URL that is not http(s) to the page to load, which would parse the
// incident points' GeoJSON on the page and copy it back: with this protocol its workers read
// the points' Blob themselves, and the page never touches the text.
const SCHEME = 'incident-points';
/** incident-points://points/<the Blob's object URL, escaped> */
const PREFIX = `${SCHEME}://points/`;

self.addProtocol(SCHEME, async (params, abortController) => {
	const blobUrl = decodeURIComponent(params.url.slice(PREFIX.length));
	const response = await fetch(blobUrl, { signal: abortController.signal });
	if (!response.ok) throw new Error(`the incident points could not be read (${response.status})`);
	return { data: params.type === 'json' ? await response.json() : await response.arrayBuffer() };
});
