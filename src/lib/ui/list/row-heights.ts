/**
 * Row heights for a virtual list whose rows are as tall as their text (a long place name wraps,
 * larger text makes every row taller). Rows not yet drawn count at an estimate; drawn rows at
 * their measured height. A Fenwick tree keeps the running sums, so a row's offset and the row at
 * a scroll position cost O(log n) even for hundreds of thousands of rows.
 */
export class RowHeights {
	#count: number;
	#estimate: number;
	#heights: Float64Array;
	/** Fenwick tree over #heights (1-based). */
	#tree: Float64Array;

	constructor(count: number, estimate: number) {
		this.#count = count;
		this.#estimate = estimate;
		this.#heights = new Float64Array(count).fill(estimate);
		this.#tree = new Float64Array(count + 1);
		// Linear-time build: each node adds itself to its parent.
		for (let i = 1; i <= count; i++) {
			this.#tree[i]! += estimate;
			const parent = i + (i & -i);
			if (parent <= count) this.#tree[parent]! += this.#tree[i]!;
		}
	}

	get count(): number {
		return this.#count;
	}

	get estimate(): number {
		return this.#estimate;
	}

	height(index: number): number {
		return this.#heights[index] ?? this.#estimate;
	}

	/** Records a row's measured height; returns how much it changed. */
	set(index: number, height: number): number {
		if (index < 0 || index >= this.#count) return 0;
		const change = height - this.#heights[index]!;
		if (change === 0) return 0;
		this.#heights[index] = height;
		for (let i = index + 1; i <= this.#count; i += i & -i) this.#tree[i]! += change;
		return change;
	}

	/** The top of a row: the heights of the rows before it. */
	offset(index: number): number {
		let sum = 0;
		for (let i = Math.min(index, this.#count); i > 0; i -= i & -i) sum += this.#tree[i]!;
		return sum;
	}

	total(): number {
		return this.offset(this.#count);
	}

	/** The row at a distance from the top (the last row past the end; 0 for an empty list). */
	indexAt(y: number): number {
		if (this.#count === 0 || y <= 0) return 0;
		let index = 0;
		let remaining = y;
		for (let step = 1 << Math.floor(Math.log2(this.#count)); step > 0; step >>= 1) {
			const next = index + step;
			if (next <= this.#count && this.#tree[next]! <= remaining) {
				index = next;
				remaining -= this.#tree[next]!;
			}
		}
		return Math.min(index, this.#count - 1);
	}
}
