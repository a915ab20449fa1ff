/**
 * Splits a GeoJSON FeatureCollection arriving in chunks into its parts, without holding the
 * whole text: each top-level member other than "features" comes out as raw JSON text, and each
 * element of "features" as the raw text of one feature, in order. Memory stays bounded by the
 * largest single feature, so a million-feature file streams through.
 *
 * It tracks just enough JSON structure (strings, escapes, nesting) to find where values end;
 * each value is then parsed on its own with JSON.parse, which does the real validation.
 */

export type StreamPart =
	| { kind: 'member'; key: string; json: string }
	| { kind: 'features-start' }
	| { kind: 'feature'; json: string; index: number }
	| { kind: 'features-end' };

export class GeoJsonStreamError extends Error {}

const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;

type Phase =
	| 'start' // before the top-level '{'
	| 'key' // expecting a key (or '}')
	| 'colon'
	| 'value' // expecting a member value
	| 'after-value' // expecting ',' or '}'
	| 'features-item' // inside "features": expecting an element (or ']')
	| 'features-after' // after an element: ',' or ']'
	| 'end';

export class FeatureCollectionSplitter {
	#phase: Phase = 'start';
	#key = '';
	#keyDone = true;
	/** The value being captured (a member's value or a feature), and its nesting state. */
	#capture: string[] | null = null;
	#depth = 0;
	#inString = false;
	#escaped = false;
	#scalar = false;
	#featureIndex = 0;
	#sawFeatures = false;
	#sawType = false;

	/** Feeds a chunk of text; returns the parts it completed. */
	push(chunk: string): StreamPart[] {
		const parts: StreamPart[] = [];
		let captureStart = 0;
		const flushCapture = (end: number) => {
			if (this.#capture && end > captureStart) this.#capture.push(chunk.slice(captureStart, end));
			captureStart = end;
		};
		for (let i = 0; i < chunk.length; i++) {
			if (this.#capture && !(this.#scalar && this.#depth === 0)) {
				// Inside an object or array: a tight loop over character codes with the state in
				// locals, the part of the scan that sees nearly every character of a large file.
				let depth = this.#depth;
				let inString = this.#inString;
				let escaped = this.#escaped;
				let closed = false;
				for (; i < chunk.length; i++) {
					const code = chunk.charCodeAt(i);
					if (inString) {
						if (escaped) escaped = false;
						else if (code === BACKSLASH) escaped = true;
						else if (code === QUOTE) inString = false;
					} else if (code === QUOTE) inString = true;
					else if (code === OPEN_BRACE || code === OPEN_BRACKET) depth++;
					else if ((code === CLOSE_BRACE || code === CLOSE_BRACKET) && --depth === 0) {
						closed = true;
						break;
					}
				}
				this.#depth = depth;
				this.#inString = inString;
				this.#escaped = escaped;
				if (closed) {
					flushCapture(i + 1);
					this.#finishValue(parts);
				}
				continue;
			}
			const c = chunk.charAt(i);
			if (this.#capture) {
				if (this.#inString) {
					if (this.#escaped) this.#escaped = false;
					else if (c === '\\') this.#escaped = true;
					else if (c === '"') {
						this.#inString = false;
						if (this.#scalar && this.#depth === 0) {
							flushCapture(i + 1);
							this.#finishValue(parts);
						}
					}
					continue;
				}
				if (this.#scalar && this.#depth === 0) {
					// A number, true, false or null ends at a delimiter.
					if (c === ',' || c === '}' || c === ']' || /\s/.test(c)) {
						flushCapture(i);
						this.#finishValue(parts);
						i--; // let the structure code see the delimiter
					}
					continue;
				}
				if (c === '"') this.#inString = true;
				else if (c === '{' || c === '[') this.#depth++;
				else if (c === '}' || c === ']') {
					this.#depth--;
					if (this.#depth === 0) {
						flushCapture(i + 1);
						this.#finishValue(parts);
					}
				}
				continue;
			}
			if (this.#phase === 'key' && !this.#keyDone) {
				// Inside a key string.
				if (this.#escaped) {
					this.#key += c;
					this.#escaped = false;
				} else if (c === '\\') {
					this.#key += c;
					this.#escaped = true;
				} else if (c === '"') {
					this.#keyDone = true;
					this.#key = JSON.parse(`"${this.#key}"`) as string;
					this.#phase = 'colon';
				} else this.#key += c;
				continue;
			}
			if (c === ' ' || c === '\n' || c === '\r' || c === '\t' || c === '\ufeff') continue;
			switch (this.#phase) {
				case 'start':
					if (c !== '{')
						throw new GeoJsonStreamError('GeoJSON must be an object (a FeatureCollection)');
					this.#phase = 'key';
					break;
				case 'key':
					if (c === '}') this.#phase = 'end';
					else if (c === '"') {
						this.#key = '';
						this.#keyDone = false;
					} else throw new GeoJsonStreamError(`unexpected "${c}" where a member name should be`);
					break;
				case 'colon':
					if (c !== ':') throw new GeoJsonStreamError(`expected ":" after "${this.#key}"`);
					this.#phase = 'value';
					break;
				case 'value':
					if (this.#key === 'features') {
						if (c !== '[') throw new GeoJsonStreamError('"features" must be an array');
						this.#sawFeatures = true;
						this.#phase = 'features-item';
						parts.push({ kind: 'features-start' });
					} else {
						this.#startCapture(c);
						captureStart = i;
					}
					break;
				case 'after-value':
					if (c === ',') this.#phase = 'key';
					else if (c === '}') this.#phase = 'end';
					else throw new GeoJsonStreamError(`unexpected "${c}" after the value of "${this.#key}"`);
					break;
				case 'features-item':
					if (c === ']') {
						this.#phase = 'after-value';
						parts.push({ kind: 'features-end' });
					} else if (c === '{') {
						this.#startCapture(c);
						captureStart = i;
					} else throw new GeoJsonStreamError(`feature ${this.#featureIndex + 1} is not an object`);
					break;
				case 'features-after':
					if (c === ',') this.#phase = 'features-item';
					else if (c === ']') {
						this.#phase = 'after-value';
						parts.push({ kind: 'features-end' });
					} else
						throw new GeoJsonStreamError(`unexpected "${c}" after feature ${this.#featureIndex}`);
					break;
				case 'end':
					throw new GeoJsonStreamError('text after the end of the FeatureCollection');
			}
		}
		flushCapture(chunk.length);
		return parts;
	}

	#startCapture(first: string) {
		this.#capture = [];
		this.#depth = first === '{' || first === '[' ? 1 : 0;
		this.#inString = first === '"';
		this.#scalar = first !== '{' && first !== '[';
		this.#escaped = false;
	}

	#finishValue(parts: StreamPart[]) {
		const json = (this.#capture ?? []).join('');
		this.#capture = null;
		this.#scalar = false;
		if (this.#phase === 'features-item') {
			parts.push({ kind: 'feature', json, index: this.#featureIndex++ });
			this.#phase = 'features-after';
		} else {
			if (this.#key === 'type') {
				this.#sawType = true;
				if (json !== '"FeatureCollection"') {
					throw new GeoJsonStreamError(`expected a FeatureCollection, found type ${json}`);
				}
			}
			parts.push({ kind: 'member', key: this.#key, json });
			this.#phase = 'after-value';
		}
	}

	/** Call when the input ends: throws if the collection was cut short. */
	end(): void {
		if (this.#phase !== 'end') {
			throw new GeoJsonStreamError(
				this.#phase === 'start'
					? 'the file is empty'
					: `the file ends early (truncated JSON after ${this.#featureIndex} features)`
			);
		}
		if (!this.#sawType) throw new GeoJsonStreamError('"type": "FeatureCollection" is missing');
		if (!this.#sawFeatures) throw new GeoJsonStreamError('"features" is missing');
	}
}
