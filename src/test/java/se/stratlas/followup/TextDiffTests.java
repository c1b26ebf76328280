package se.stratlas.followup;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class TextDiffTests {

	@Test
	void wordDiffShowsWhatWasRemovedAndAdded() {
		List<TextDiff.Segment> diff = TextDiff.words("Regionen har fem noder.", "Regionen har sex noder.");
		assertThat(diff).containsExactly(new TextDiff.Segment(TextDiff.Segment.Type.SAME, "Regionen har "),
				new TextDiff.Segment(TextDiff.Segment.Type.REMOVED, "fem"),
				new TextDiff.Segment(TextDiff.Segment.Type.ADDED, "sex"),
				new TextDiff.Segment(TextDiff.Segment.Type.SAME, " noder."));
		assertThat(TextDiff.changed(diff)).isTrue();
		assertThat(TextDiff.changed(TextDiff.words("samma", "samma"))).isFalse();
	}

	@Test
	void diffOfEmptyTextIsAllAdded() {
		assertThat(TextDiff.words("", "Ny text"))
			.containsExactly(new TextDiff.Segment(TextDiff.Segment.Type.ADDED, "Ny text"));
	}

	@Test
	void changesToDifferentLinesMergeCleanly() {
		String base = "Omvärld\n\nBidrag\n\nSamverkan";
		String mine = "Omvärld och trender\n\nBidrag\n\nSamverkan";
		String theirs = "Omvärld\n\nBidrag\n\nSamverkan i norr";
		TextDiff.Merge merge = TextDiff.merge(base, mine, theirs, "min", "deras");
		assertThat(merge.conflicting()).isFalse();
		assertThat(merge.text()).isEqualTo("Omvärld och trender\n\nBidrag\n\nSamverkan i norr");
	}

	@Test
	void changesToTheSameLineKeepBothBetweenMarkers() {
		TextDiff.Merge merge = TextDiff.merge("Bidrag", "Bidrag A", "Bidrag B", "Din version", "Sparad version");
		assertThat(merge.conflicting()).isTrue();
		assertThat(merge.text()).isEqualTo("<<<<<<< Din version\nBidrag A\n=======\nBidrag B\n>>>>>>> Sparad version");
	}

	@Test
	void identicalChangesAreNotAConflict() {
		TextDiff.Merge merge = TextDiff.merge("a\nb", "a\nc", "a\nc", "min", "deras");
		assertThat(merge.conflicting()).isFalse();
		assertThat(merge.text()).isEqualTo("a\nc");
	}

	@Test
	void insertionsAtTheSamePlaceClash() {
		TextDiff.Merge merge = TextDiff.merge("a\nb", "a\nx\nb", "a\ny\nb", "min", "deras");
		assertThat(merge.conflicting()).isTrue();
		assertThat(merge.text()).contains("x").contains("y");
	}

	@Test
	void fromAnEmptyBaseBothTextsAreKept() {
		TextDiff.Merge merge = TextDiff.merge("", "min text", "deras text", "min", "deras");
		assertThat(merge.text()).contains("min text").contains("deras text");
	}

	/**
	 * Whatever two writers do to a text, the merge never loses a line either of them
	 * wrote.
	 */
	@ParameterizedTest
	@ValueSource(longs = { 1, 2, 3, 42, 2024, 9001 })
	void mergeLosesNoLineOfEitherWriter(long seed) {
		Random random = new Random(seed);
		for (int round = 0; round < 200; round++) {
			List<String> base = lines(random, 6, "b");
			String mine = String.join("\n", edit(random, base, "m"));
			String theirs = String.join("\n", edit(random, base, "t"));
			TextDiff.Merge merge = TextDiff.merge(String.join("\n", base), mine, theirs, "min", "deras");
			for (String line : mine.split("\n")) {
				if (line.startsWith("m")) {
					assertThat(merge.text()).contains(line);
				}
			}
			for (String line : theirs.split("\n")) {
				if (line.startsWith("t")) {
					assertThat(merge.text()).contains(line);
				}
			}
		}
	}

	private static List<String> lines(Random random, int count, String prefix) {
		return java.util.stream.IntStream.range(0, count)
			.mapToObj(i -> prefix + i + "-" + random.nextInt(1000))
			.toList();
	}

	private static List<String> edit(Random random, List<String> base, String prefix) {
		List<String> out = new java.util.ArrayList<>(base);
		int edits = 1 + random.nextInt(3);
		for (int i = 0; i < edits; i++) {
			int at = random.nextInt(out.size() + 1);
			switch (random.nextInt(3)) {
				case 0 -> out.add(at, prefix + "-new-" + random.nextInt(100000));
				case 1 -> {
					if (at < out.size()) {
						out.set(at, prefix + "-changed-" + random.nextInt(100000));
					}
				}
				default -> {
					if (at < out.size() && out.size() > 1) {
						out.remove(at);
					}
				}
			}
		}
		return out;
	}

}
