/**
 * The few Protocol Buffers encodings a vector tile needs (point-tiles.ts): varints, doubles,
 * strings, packed varints and nested messages, into one buffer that grows as it is written.
 */
const VARINT = 0;
const FIXED64 = 1;
const LENGTH_DELIMITED = 2;

const utf8 = new TextEncoder();

export class ProtobufWriter {
	#bytes: Uint8Array;
	#view: DataView;
	#length = 0;

	constructor(capacity = 1024) {
		this.#bytes = new Uint8Array(Math.max(16, capacity));
		this.#view = new DataView(this.#bytes.buffer);
	}

	get length(): number {
		return this.#length;
	}

	/** Starts again, keeping the buffer. */
	reset() {
		this.#length = 0;
	}

	/** The bytes written, in a buffer of their own (transferable). */
	finish(): Uint8Array {
		return this.#bytes.slice(0, this.#length);
	}

	#room(bytes: number) {
		if (this.#length + bytes <= this.#bytes.length) return;
		let capacity = this.#bytes.length * 2;
		while (capacity < this.#length + bytes) capacity *= 2;
		const grown = new Uint8Array(capacity);
		// Whole: a length written before its bytes (below) has them past `#length` meanwhile.
		grown.set(this.#bytes);
		this.#bytes = grown;
		this.#view = new DataView(grown.buffer);
	}

	/** A non-negative integer up to 2^53 (division, not bit shifts, past 32 bits). */
	varint(value: number) {
		this.#room(10);
		let rest = value;
		while (rest >= 0x80) {
			this.#bytes[this.#length++] = (rest % 0x80) | 0x80;
			rest = Math.floor(rest / 0x80);
		}
		this.#bytes[this.#length++] = rest;
	}

	#tag(field: number, wireType: number) {
		this.varint((field << 3) | wireType);
	}

	varintField(field: number, value: number) {
		this.#tag(field, VARINT);
		this.varint(value);
	}

	bool(field: number, value: boolean) {
		this.varintField(field, value ? 1 : 0);
	}

	double(field: number, value: number) {
		this.#tag(field, FIXED64);
		this.#room(8);
		this.#view.setFloat64(this.#length, value, true);
		this.#length += 8;
	}

	string(field: number, value: string) {
		this.#tag(field, LENGTH_DELIMITED);
		// At most three bytes a UTF-16 unit; the length is written once the text is.
		this.#room(value.length * 3 + 10);
		const start = this.#length;
		const { written } = utf8.encodeInto(value, this.#bytes.subarray(start + 5));
		this.#lengthBefore(start, written);
	}

	/** Varints packed into one length-delimited field. */
	packed(field: number, values: readonly number[]) {
		this.#tag(field, LENGTH_DELIMITED);
		this.#room(5);
		const start = this.#length;
		this.#length += 5;
		for (const value of values) this.varint(value);
		this.#lengthBefore(start, this.#length - start - 5);
	}

	/** Another writer's bytes as a nested message. */
	message(field: number, message: ProtobufWriter) {
		this.#tag(field, LENGTH_DELIMITED);
		this.varint(message.#length);
		this.#room(message.#length);
		this.#bytes.set(message.#bytes.subarray(0, message.#length), this.#length);
		this.#length += message.#length;
	}

	/**
	 * `length` bytes were written 5 bytes after `start`, where their length goes: it is written
	 * there and the bytes moved up to follow it.
	 */
	#lengthBefore(start: number, length: number) {
		this.#length = start;
		this.varint(length);
		const to = this.#length;
		this.#bytes.copyWithin(to, start + 5, start + 5 + length);
		this.#length = to + length;
	}
}
