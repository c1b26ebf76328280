package se.stratlas.foresight.web;

import java.util.List;
import java.util.Locale;

import se.stratlas.foresight.Scenario;

/**
 * The scenario cross: scenarios placed on two axes; the table of scenarios is the same
 * data as text.
 */
final class ScenarioCross {

	private ScenarioCross() {
	}

	static String svg(List<Scenario> scenarios) {
		StringBuilder svg = new StringBuilder(
				"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 400 400\" role=\"img\" aria-labelledby=\"cross-title\" class=\"radar\">");
		svg.append("<title id=\"cross-title\">Scenariokors med ")
			.append(scenarios.stream().filter(Scenario::placed).count())
			.append(" placerade scenarier</title>");
		svg.append("<line x1=\"200\" y1=\"10\" x2=\"200\" y2=\"390\" stroke=\"#4a5663\"/>");
		svg.append("<line x1=\"10\" y1=\"200\" x2=\"390\" y2=\"200\" stroke=\"#4a5663\"/>");
		for (Scenario scenario : scenarios) {
			if (!scenario.placed()) {
				continue;
			}
			double x = 200 + scenario.axisX() * 180;
			double y = 200 - scenario.axisY() * 180;
			svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"6\" fill=\"#0b4f6c\"/>", x, y));
			svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" fill=\"#1b2631\">",
					x + 9, y + 4))
				.append(scenario.name().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))
				.append("</text>");
		}
		return svg.append("</svg>").toString();
	}

}
