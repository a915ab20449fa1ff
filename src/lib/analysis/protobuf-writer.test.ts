import { describe, expect, it } from 'vitest';
import { PbfReader } from 'pbf';
import { ProtobufWriter } from './protobuf-writer';

/** Every field of a message as a second reader (pbf, which MapLibre reads tiles with) sees it. */
function read(bytes: Uint8Array) {
	const fields: [number, unknown][] = [];
	new PbfReader(bytes).readFields((tag, _, pbf) => {
		if (tag === 1) fields.push([tag, pbf.readVarint(true)]);
		else if (tag === 2) fields.push([tag, pbf.readDouble()]);
		else if (tag === 3) fields.push([tag, pbf.readString()]);
		else if (tag === 4) fields.push([tag, pbf.readPackedVarint()]);
		else if (tag === 5) fields.push([tag, pbf.readBytes()]);
	}, null);
	return fields;
}

describe('the protobuf writer of the point tiles', () => {
	it('writes varints, doubles, strings and packed varints that another reader reads back', () => {
		const writer = new ProtobufWriter(16);
		const long = 'هجين "Hajin", '.repeat(2_000); // a length that takes three bytes
		writer.varintField(1, 0);
		writer.varintField(1, 127);
		writer.varintField(1, 128);
		writer.varintField(1, 2 ** 40 + 3); // past 32 bits
		writer.double(2, -0.1234567890123);
		writer.string(3, '');
		writer.string(3, long);
		writer.packed(4, [0, 1, 300, 16_384]);
		expect(read(writer.finish())).toEqual([
			[1, 0],
			[1, 127],
			[1, 128],
			[1, 2 ** 40 + 3],
			[2, -0.1234567890123],
			[3, ''],
			[3, long],
			[4, [0, 1, 300, 16_384]]
		]);
	});

	it('nests a message, and starts again empty after reset', () => {
		const inner = new ProtobufWriter(16);
		inner.string(3, 'Al-Baghuz');
		const outer = new ProtobufWriter(16);
		outer.message(5, inner);
		const [[tag, bytes]] = read(outer.finish()) as [[number, Uint8Array]];
		expect(tag).toBe(5);
		expect(read(bytes)).toEqual([[3, 'Al-Baghuz']]);
		inner.reset();
		expect(inner.length).toBe(0);
		expect(inner.finish()).toHaveLength(0);
	});
});
