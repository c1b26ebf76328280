package se.stratlas.foresight.web;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import se.stratlas.foresight.ScanItem;

/**
 * A radar of the scanned items: one sector per kind, rings by time horizon (near in the
 * middle), opportunities as circles, threats as triangles, size by strength. Decorative
 * detail aside, it is described in its title and description; the list beside it is the
 * same data as text.
 */
final class Radar {

	private static final int SIZE = 420;

	private static final int CENTER = SIZE / 2;

	private Radar() {
	}

	static String svg(List<ScanItem> items, Map<ScanItem.Kind, String> kindLabels) {
		StringBuilder svg = new StringBuilder();
		long opportunities = items.stream().filter(i -> i.effect() == ScanItem.Effect.OPPORTUNITY).count();
		long threats = items.stream().filter(i -> i.effect() == ScanItem.Effect.THREAT).count();
		svg.append(String.format(Locale.ROOT,
				"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" role=\"img\" aria-labelledby=\"radar-title radar-desc\" class=\"radar\">",
				SIZE, SIZE));
		svg.append("<title id=\"radar-title\">Omvärldsradar</title>");
		svg.append("<desc id=\"radar-desc\">")
			.append(items.size())
			.append(" bevakade signaler: ")
			.append(opportunities)
			.append(" möjligheter, ")
			.append(threats)
			.append(" hot. Närmast mitten det som väntas inom två år, ytterst det som ligger längre bort.</desc>");
		for (int ring = 3; ring >= 1; ring--) {
			svg.append(
					String.format(Locale.ROOT, "<circle cx=\"%d\" cy=\"%d\" r=\"%d\" fill=\"%s\" stroke=\"#c5ced6\"/>",
							CENTER, CENTER, ring * 65, ring % 2 == 0 ? "#f3f6f8" : "#ffffff"));
		}
		ScanItem.Kind[] kinds = ScanItem.Kind.values();
		double sector = 2 * Math.PI / kinds.length;
		for (int k = 0; k < kinds.length; k++) {
			double angle = k * sector - Math.PI / 2;
			svg.append(
					String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#c5ced6\"/>",
							CENTER, CENTER, CENTER + 195 * Math.cos(angle), CENTER + 195 * Math.sin(angle)));
			double middle = angle + sector / 2;
			svg.append(String.format(Locale.ROOT,
					"<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" text-anchor=\"middle\" fill=\"#1b2631\">%s</text>",
					CENTER + 205 * Math.cos(middle), CENTER + 205 * Math.sin(middle) + 4,
					escape(kindLabels.getOrDefault(kinds[k], kinds[k].name()))));
		}
		Map<ScanItem.Kind, Integer> counts = new EnumMap<>(ScanItem.Kind.class);
		for (ScanItem item : items) {
			int index = counts.merge(item.kind(), 1, Integer::sum);
			int ring = switch (item.horizon()) {
				case KORT -> 0;
				case MEDEL -> 1;
				case LANG -> 2;
			};
			double angle = item.kind().ordinal() * sector - Math.PI / 2 + sector * (0.15 + 0.7 * ((index * 0.618) % 1));
			double radius = ring * 65 + 18 + ((index * 29) % 35);
			double x = CENTER + radius * Math.cos(angle);
			double y = CENTER + radius * Math.sin(angle);
			double r = 3 + item.strength();
			String colour = switch (item.effect()) {
				case OPPORTUNITY -> "#1d6b38";
				case THREAT -> "#a1181d";
				case NEUTRAL -> "#4a5663";
			};
			svg.append("<g><title>").append(escape(item.title())).append("</title>");
			if (item.effect() == ScanItem.Effect.THREAT) {
				svg.append(String.format(Locale.ROOT, "<polygon points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f\" fill=\"%s\"/>",
						x, y - r, x - r, y + r, x + r, y + r, colour));
			}
			else {
				svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\"/>", x, y,
						r, colour));
			}
			svg.append("</g>");
		}
		return svg.append("</svg>").toString();
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

}
