package se.stratlas.areas;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.web.util.HtmlUtils;

/**
 * The areas a user picks from (Sweden, then the counties and the municipalities by name)
 * as the {@code <option>} elements of a select, built once when the areas are loaded. A
 * page asks for them with the chosen areas marked, which costs a copy of some 15 kB
 * instead of three expressions for each of the 312 areas (a tenth of the indicator page's
 * CPU under load).
 */
public final class AreaOptions {

	private static final String SELECTED = " selected";

	private final String html;

	/** Where the start tag of each area's option ends (the index of its {@code >}). */
	private final Map<String, Integer> tagEnds;

	/** What marks a chosen one: " selected" for options, " checked" for checkboxes. */
	private final String mark;

	private AreaOptions(String html, Map<String, Integer> tagEnds) {
		this(html, tagEnds, SELECTED);
	}

	private AreaOptions(String html, Map<String, Integer> tagEnds, String mark) {
		this.html = html;
		this.tagEnds = tagEnds;
		this.mark = mark;
	}

	static AreaOptions of(List<Area> areas) {
		StringBuilder html = new StringBuilder(areas.size() * 48);
		Map<String, Integer> ends = new HashMap<>();
		for (Area area : areas) {
			html.append("<option value=\"").append(HtmlUtils.htmlEscape(area.code(), "UTF-8")).append('"');
			ends.put(area.code(), html.length());
			html.append('>').append(HtmlUtils.htmlEscape(area.name(), "UTF-8")).append("</option>");
		}
		return new AreaOptions(html.toString(), Map.copyOf(ends));
	}

	/**
	 * Options in groups (an {@code optgroup} per label, in order); an area listed in an
	 * earlier group is left out of the later ones.
	 */
	static AreaOptions grouped(Map<String, List<Area>> groups) {
		StringBuilder html = new StringBuilder(4096);
		Map<String, Integer> ends = new HashMap<>();
		groups.forEach((label, areas) -> {
			List<Area> fresh = areas.stream().filter(a -> !ends.containsKey(a.code())).toList();
			if (fresh.isEmpty()) {
				return;
			}
			if (label != null) {
				html.append("<optgroup label=\"").append(HtmlUtils.htmlEscape(label, "UTF-8")).append("\">");
			}
			for (Area area : fresh) {
				html.append("<option value=\"").append(HtmlUtils.htmlEscape(area.code(), "UTF-8")).append('"');
				ends.put(area.code(), html.length());
				html.append('>').append(HtmlUtils.htmlEscape(area.name(), "UTF-8")).append("</option>");
			}
			if (label != null) {
				html.append("</optgroup>");
			}
		});
		return new AreaOptions(html.toString(), Map.copyOf(ends));
	}

	/**
	 * Checkboxes in groups (a heading per label), for a checklist (the searchable
	 * multi-select of the forms): {@code html} marks the chosen ones checked.
	 */
	static AreaOptions checkboxes(String name, String idPrefix, Map<String, List<Area>> groups) {
		StringBuilder html = new StringBuilder(16384);
		Map<String, Integer> ends = new HashMap<>();
		int[] index = { 0 };
		groups.forEach((label, areas) -> {
			List<Area> fresh = areas.stream().filter(a -> !ends.containsKey(a.code())).toList();
			if (fresh.isEmpty()) {
				return;
			}
			if (label != null) {
				html.append("<p class=\"checklist-group\">")
					.append(HtmlUtils.htmlEscape(label, "UTF-8"))
					.append("</p>");
			}
			for (Area area : fresh) {
				String id = idPrefix + "-" + index[0]++;
				html.append("<div class=\"check\"><input type=\"checkbox\" id=\"")
					.append(id)
					.append("\" name=\"")
					.append(name)
					.append("\" value=\"")
					.append(HtmlUtils.htmlEscape(area.code(), "UTF-8"))
					.append('"');
				ends.put(area.code(), html.length());
				html.append("><label for=\"")
					.append(id)
					.append("\">")
					.append(HtmlUtils.htmlEscape(area.name(), "UTF-8"))
					.append("</label></div>");
			}
		});
		return new AreaOptions(html.toString(), Map.copyOf(ends), " checked");
	}

	/**
	 * The options with the given areas (codes; unknown ones and nulls are ignored)
	 * selected.
	 */
	public String html(Collection<String> selected) {
		int[] at = selected.stream()
			.filter(code -> code != null && this.tagEnds.containsKey(code))
			.mapToInt(this.tagEnds::get)
			.distinct()
			.sorted()
			.toArray();
		if (at.length == 0) {
			return this.html;
		}
		StringBuilder out = new StringBuilder(this.html.length() + at.length * this.mark.length());
		int from = 0;
		for (int end : at) {
			out.append(this.html, from, end).append(this.mark);
			from = end;
		}
		return out.append(this.html, from, this.html.length()).toString();
	}

}
