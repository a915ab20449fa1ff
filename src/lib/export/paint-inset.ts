import type { Position } from 'geojson';
import { font, type Box } from './compose-layout';
import type { Composition, InsetData } from './composition';
import { paintCard } from './paint-card';
import { m } from '$lib/paraglide/messages';

const mercatorY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));

/** Where the view sits between Iraq and Syria: a small map of the region with the view boxed. */
export function paintInset(
	ctx: CanvasRenderingContext2D,
	c: Pick<Composition, 'theme' | 'view' | 'language'>,
	inset: InsetData,
	box: Box,
	u: number
) {
	const { x, y, width: size } = box;
	const [west, south, east, north] = inset.extent;
	const top = mercatorY(north);
	const widthRadians = ((east - west) * Math.PI) / 180;
	const heightMercator = top - mercatorY(south);
	const scale = size / Math.max(widthRadians, heightMercator);
	const left = x + (size - widthRadians * scale) / 2;
	const upper = y + (size - heightMercator * scale) / 2;
	const project = ([lon, lat]: Position): [number, number] => [
		left + (((lon ?? 0) - west) * Math.PI * scale) / 180,
		upper + (top - mercatorY(lat ?? 0)) * scale
	];
	ctx.save();
	paintCard(
		ctx,
		{ x: x - 4 * u, y: y - 4 * u, width: size + 8 * u, height: size + 8 * u },
		u,
		c.theme.print
	);
	ctx.beginPath();
	ctx.rect(x, y, size, size);
	ctx.clip();
	ctx.fillStyle = c.theme.water;
	ctx.fillRect(x, y, size, size);
	const colour = (code: string) =>
		code === 'IRQ' ? c.theme.iraq : code === 'SYR' ? c.theme.syria : c.theme.neighbour;
	for (const feature of inset.countries.features) {
		const polygons =
			feature.geometry.type === 'Polygon'
				? [feature.geometry.coordinates]
				: feature.geometry.coordinates;
		ctx.beginPath();
		for (const rings of polygons) {
			for (const ring of rings) {
				ring.forEach((position, i) => {
					const [px, py] = project(position);
					if (i === 0) ctx.moveTo(px, py);
					else ctx.lineTo(px, py);
				});
				ctx.closePath();
			}
		}
		ctx.fillStyle = colour(feature.properties.adm0_a3);
		ctx.fill('evenodd');
		ctx.strokeStyle = c.theme.countryBorder;
		ctx.lineWidth = 0.8 * u;
		ctx.stroke();
	}
	ctx.fillStyle = c.theme.print.muted;
	ctx.font = font(600, 10 * u);
	ctx.textAlign = 'center';
	ctx.textBaseline = 'middle';
	const o = { locale: c.language?.locale ?? 'en' };
	for (const [name, lon, lat] of [
		[m.inset_syria({}, o), 38.6, 35.2],
		[m.inset_iraq({}, o), 43.6, 33.0]
	] as const) {
		const [px, py] = project([lon, lat]);
		ctx.fillText(name, px, py);
	}
	const [vw, vs, ve, vn] = c.view;
	const [x0, y0] = project([vw, vn]);
	const [x1, y1] = project([ve, vs]);
	ctx.strokeStyle = c.theme.incident;
	ctx.lineWidth = 2 * u;
	// A view too small to see as a box is circled instead.
	if (x1 - x0 < 6 * u && y1 - y0 < 6 * u) {
		ctx.beginPath();
		ctx.arc((x0 + x1) / 2, (y0 + y1) / 2, 5 * u, 0, Math.PI * 2);
		ctx.stroke();
	} else {
		ctx.strokeRect(x0, y0, x1 - x0, y1 - y0);
	}
	ctx.restore();
}
