package se.stratlas.followup;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;

/**
 * Readable differences between two texts (word by word, for the history) and the
 * three-way merge that settles two people editing one contribution at once.
 */
public final class TextDiff {

	/** A piece of a difference: unchanged, removed or added text. */
	public record Segment(Type type, String text) {

		/** What happened to the piece. */
		public enum Type {

			SAME, REMOVED, ADDED

		}

	}

	/** A merge: the merged text and whether both sides changed the same lines. */
	public record Merge(String text, boolean conflicting) {
	}

	private static final Pattern TOKEN = Pattern.compile("\\s+|[\\p{L}\\p{N}]+|[^\\s\\p{L}\\p{N}]");

	private TextDiff() {
	}

	static List<String> tokens(String text) {
		List<String> tokens = new ArrayList<>();
		Matcher matcher = TOKEN.matcher(text == null ? "" : text);
		while (matcher.find()) {
			tokens.add(matcher.group());
		}
		return tokens;
	}

	/** The word-level difference between two texts, adjacent pieces of a kind joined. */
	public static List<Segment> words(String before, String after) {
		List<String> from = tokens(before);
		List<String> to = tokens(after);
		Patch<String> patch = DiffUtils.diff(from, to);
		List<Segment> segments = new ArrayList<>();
		int position = 0;
		for (AbstractDelta<String> delta : patch.getDeltas()) {
			int start = delta.getSource().getPosition();
			add(segments, Segment.Type.SAME, from.subList(position, start));
			add(segments, Segment.Type.REMOVED, delta.getSource().getLines());
			add(segments, Segment.Type.ADDED, delta.getTarget().getLines());
			position = start + delta.getSource().size();
		}
		add(segments, Segment.Type.SAME, from.subList(position, from.size()));
		return segments;
	}

	private static void add(List<Segment> segments, Segment.Type type, List<String> tokens) {
		if (tokens.isEmpty()) {
			return;
		}
		String text = String.join("", tokens);
		if (!segments.isEmpty() && segments.getLast().type() == type) {
			Segment last = segments.removeLast();
			segments.add(new Segment(type, last.text() + text));
		}
		else {
			segments.add(new Segment(type, text));
		}
	}

	/** Whether a difference changes anything. */
	public static boolean changed(List<Segment> segments) {
		return segments.stream().anyMatch(s -> s.type() != Segment.Type.SAME);
	}

	/**
	 * Merges two texts that both started from {@code base}, line by line. Changes to
	 * different lines are both kept; where both changed the same lines, both versions are
	 * kept between markers for the writer to settle.
	 */
	public static Merge merge(String base, String mine, String theirs, String mineLabel, String theirsLabel) {
		List<String> baseLines = lines(base);
		List<Change> ours = changes(baseLines, lines(mine));
		List<Change> others = changes(baseLines, lines(theirs));
		List<String> out = new ArrayList<>();
		boolean conflicting = false;
		int position = 0;
		int i = 0;
		int j = 0;
		while (i < ours.size() || j < others.size()) {
			Change a = i < ours.size() ? ours.get(i) : null;
			Change b = j < others.size() ? others.get(j) : null;
			Change first = b == null || (a != null && a.start <= b.start) ? a : b;
			// Gather every change of either side that overlaps the first one.
			int start = first.start;
			int end = first.end;
			List<Change> mineGroup = new ArrayList<>();
			List<Change> theirGroup = new ArrayList<>();
			boolean grew = true;
			while (grew) {
				grew = false;
				while (i < ours.size() && overlaps(ours.get(i), start, end)) {
					mineGroup.add(ours.get(i));
					end = Math.max(end, ours.get(i).end);
					i++;
					grew = true;
				}
				while (j < others.size() && overlaps(others.get(j), start, end)) {
					theirGroup.add(others.get(j));
					end = Math.max(end, others.get(j).end);
					j++;
					grew = true;
				}
			}
			out.addAll(baseLines.subList(position, start));
			List<String> mineText = apply(baseLines, start, end, mineGroup);
			List<String> theirText = apply(baseLines, start, end, theirGroup);
			if (mineGroup.isEmpty()) {
				out.addAll(theirText);
			}
			else if (theirGroup.isEmpty() || mineText.equals(theirText)) {
				out.addAll(mineText);
			}
			else {
				conflicting = true;
				out.add("<<<<<<< " + mineLabel);
				out.addAll(mineText);
				out.add("=======");
				out.addAll(theirText);
				out.add(">>>>>>> " + theirsLabel);
			}
			position = end;
		}
		out.addAll(baseLines.subList(position, baseLines.size()));
		return new Merge(String.join("\n", out), conflicting);
	}

	private record Change(int start, int end, List<String> replacement) {
	}

	private static boolean overlaps(Change change, int start, int end) {
		// Insertions at the same place also clash.
		return change.start < end || (change.start == start)
				|| (change.start == end && change.end == end && start == end);
	}

	private static List<Change> changes(List<String> base, List<String> text) {
		List<Change> changes = new ArrayList<>();
		for (AbstractDelta<String> delta : DiffUtils.diff(base, text).getDeltas()) {
			int start = delta.getSource().getPosition();
			changes.add(new Change(start, start + delta.getSource().size(), delta.getTarget().getLines()));
		}
		return changes;
	}

	private static List<String> apply(List<String> base, int start, int end, List<Change> group) {
		List<String> out = new ArrayList<>();
		int position = start;
		for (Change change : group) {
			out.addAll(base.subList(position, change.start));
			out.addAll(change.replacement);
			position = change.end;
		}
		out.addAll(base.subList(position, end));
		return out;
	}

	private static List<String> lines(String text) {
		return text == null || text.isEmpty() ? List.of() : List.of(text.replace("\r\n", "\n").split("\n", -1));
	}

}
