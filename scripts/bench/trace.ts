/**
 * Reads a Chromium trace (as Playwright's `browser.startTracing` writes it) for the page's main
 * thread: its tasks between two `performance.mark`s, how much of each was our own work and how
 * much was waiting for the GPU process, and which tasks dispatched input events.
 *
 * Why the split: with `--disable-gpu`, Chromium composites in software and reads every WebGL
 * frame back from SwiftShader (`GLES2::ReadPixels` in the frame's commit). The main thread sits
 * in that read-back while SwiftShader draws the map on the CPU: a cost of this machine's
 * renderer, paid for every repaint whatever the data, that a GPU does in a millisecond or two.
 */

interface TraceEvent {
	name: string;
	ph: string;
	pid: number;
	tid: number;
	ts: number;
	dur?: number;
	args?: { name?: string; data?: { type?: string } };
}

/** One top-level task on the main thread (times in milliseconds). */
export interface MainThreadTask {
	start: number;
	duration: number;
	/** Time spent waiting for the GPU process (frame read-back). */
	gpuWait: number;
	/** duration − gpuWait: script, style, layout, paint, MapLibre's own rendering code. */
	own: number;
	/** The input events it dispatched (e.g. "pointermove"), with their handlers' time (ms). */
	inputs: { type: string; ms: number }[];
	/** It ran requestAnimationFrame callbacks (MapLibre draws its maps in them). */
	animationFrame: boolean;
}

const TASK_NAMES = new Set(['ThreadControllerImpl::RunTask', 'RunTask']);
const GPU_WAITS = new Set([
	'GLES2::ReadPixels',
	'CommandBufferProxyImpl::WaitForGetOffset',
	'ImplementationBase::WaitForCmd',
	'CommandBufferHelper::Finish'
]);

/** Total length of the union of intervals [start, end). */
function unionLength(intervals: [number, number][]): number {
	intervals.sort((a, b) => a[0] - b[0]);
	let total = 0;
	let [start, end] = [-Infinity, -Infinity];
	for (const [s, e] of intervals) {
		if (s > end) {
			if (end > start) total += end - start;
			[start, end] = [s, e];
		} else end = Math.max(end, e);
	}
	if (end > start) total += end - start;
	return total;
}

/** The main thread's tasks between the marks `from` and `to` (performance.mark names). */
export function mainThreadTasks(traceJson: string, from: string, to: string): MainThreadTask[] {
	const parsed = JSON.parse(traceJson) as { traceEvents: TraceEvent[] } | TraceEvent[];
	const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
	const mark = (name: string) => events.find((event) => event.name === name && event.ph !== 'M');
	const start = mark(from);
	const end = mark(to);
	if (!start || !end) throw new Error(`trace has no marks ${from} / ${to}`);
	const onMain = (event: TraceEvent) => event.pid === start.pid && event.tid === mainTid;
	const threadNames = events.filter(
		(event) => event.ph === 'M' && event.name === 'thread_name' && event.pid === start.pid
	);
	const mainTid =
		threadNames.find((event) => event.args?.name === 'CrRendererMain')?.tid ?? start.tid;

	const complete = events
		.filter((event) => event.ph === 'X' && onMain(event) && event.dur !== undefined)
		.filter((event) => event.ts + event.dur! >= start.ts && event.ts <= end.ts)
		.sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
	// Top-level tasks: task events not inside another one.
	const tasks: TraceEvent[] = [];
	let coveredUntil = -Infinity;
	for (const event of complete) {
		if (!TASK_NAMES.has(event.name) || event.ts < coveredUntil) continue;
		tasks.push(event);
		coveredUntil = event.ts + event.dur!;
	}
	return tasks.map((task) => {
		const inside = complete.filter(
			(event) => event.ts >= task.ts && event.ts + event.dur! <= task.ts + task.dur!
		);
		const gpuWait = unionLength(
			inside
				.filter((event) => GPU_WAITS.has(event.name))
				.map((event): [number, number] => [event.ts, event.ts + event.dur!])
		);
		return {
			start: (task.ts - start.ts) / 1000,
			duration: task.dur! / 1000,
			gpuWait: gpuWait / 1000,
			own: (task.dur! - gpuWait) / 1000,
			inputs: inside
				.filter((event) => event.name === 'EventDispatch' && event.args?.data?.type)
				.map((event) => ({ type: event.args!.data!.type!, ms: event.dur! / 1000 })),
			animationFrame: inside.some((event) => event.name === 'FireAnimationFrame')
		};
	});
}

/** Summary of a stretch of interaction, from its main-thread tasks. */
export interface InteractionSummary {
	/** Pointer moves dispatched. */
	inputs: number;
	/**
	 * Time in the handlers of each pointer move (its pointermove and the mousemove the browser
	 * sends with it): median and max (ms).
	 */
	handlerMedian: number;
	handlerMax: number;
	/** All own main-thread work in the stretch, divided by the inputs (or the given steps). */
	ownPerInput: number;
	ownTotal: number;
	gpuWaitTotal: number;
	/** Tasks longer than 50 ms, and those of them with more than 50 ms of own work. */
	longTasks: number;
	longOwnTasks: number;
	longestOwn: number;
}

const median = (values: number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted.length ? sorted[Math.floor(sorted.length / 2)]! : 0;
};

const POINTER_MOVES = new Set(['pointermove', 'mousemove']);

export function summarise(tasks: MainThreadTask[], steps?: number): InteractionSummary {
	// Per task: the pointer moves it dispatched and the time their handlers took.
	const perMove: number[] = [];
	for (const task of tasks) {
		const moves = task.inputs.filter((input) => input.type === 'pointermove').length;
		if (moves === 0) continue;
		const handlers = task.inputs
			.filter((input) => POINTER_MOVES.has(input.type))
			.reduce((sum, input) => sum + input.ms, 0);
		for (let k = 0; k < moves; k++) perMove.push(handlers / moves);
	}
	const ownTotal = tasks.reduce((sum, task) => sum + task.own, 0);
	return {
		inputs: perMove.length,
		handlerMedian: median(perMove),
		handlerMax: Math.max(0, ...perMove),
		ownPerInput: ownTotal / Math.max(1, steps ?? perMove.length),
		ownTotal,
		gpuWaitTotal: tasks.reduce((sum, task) => sum + task.gpuWait, 0),
		longTasks: tasks.filter((task) => task.duration > 50).length,
		longOwnTasks: tasks.filter((task) => task.own > 50).length,
		longestOwn: Math.max(0, ...tasks.map((task) => task.own))
	};
}
