package se.stratlas.reports.internal;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Sheet names a reader can tell apart within Excel's 31 characters. */
class SheetNamesTests {

	@Test
	void captionsThatBeginAlikeKeepWhatIsTheirOwn() {
		assertThat(XlsxReport.sheetNames(List.of("Ekonomi och personal, Division Folktandvård",
				"Ekonomi och personal, Division Service", "Agenda 2030")))
			.containsExactly("Ekonomi Folktandvård", "Ekonomi Service", "Agenda 2030");
	}

	@Test
	void aCaptionThatIsTheStartOfAnotherKeepsItsStart() {
		List<String> names = XlsxReport
			.sheetNames(List.of("Invånare som använder kommunens e-tjänster, Västerbottens län",
					"Invånare som använder kommunens e-tjänster, Västerbottens län, per kön"));
		assertThat(names.get(0)).startsWith("Invånare som använder");
		assertThat(names.get(1)).isNotEqualTo(names.get(0)).startsWith("Invånare som").endsWith(" per kön");
		assertThat(names).allMatch(n -> n.length() <= 27);
	}

}
